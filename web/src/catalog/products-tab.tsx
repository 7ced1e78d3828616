import { unitLabels } from '../agreements/labels';
import { useProducts, useSaveProduct } from '../api/catalog';
import type { Product, ProductInput, Unit } from '../api/catalog-types';
import { checked, text, textOrNull } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Checkbox, Field } from '../ui/field';
import { CategoryField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, marginOf, moneyOf } from './catalog-form';
import { CatalogList, NameCell, stateColumn } from './catalog-list';
import { useCategoryName } from './use-category-name';

/** Products and licences the MSP resells (Microsoft 365, antivirus …): vendor cost and client price. */
export function ProductsTab() {
  const products = useProducts();
  const categoryName = useCategoryName();
  return (
    <CatalogList
      name="products"
      title="Products and licences"
      addLabel="Add product"
      query={products}
      loading="Loading products…"
      empty="No products yet."
      keyOf={(p) => p.id}
      columns={[
        { header: 'Product', cell: (p) => <NameCell name={p.name} detail={p.sku && `SKU ${p.sku}`} /> },
        { header: 'Vendor', cell: (p) => p.vendor || '—' },
        { header: 'Category', cell: (p) => categoryName(p.categoryCode) },
        { header: 'Unit', cell: (p) => unitLabels[p.unit] },
        { header: 'Cost', numeric: true, cell: (p) => formatMoney(p.cost, null) },
        { header: 'Price', numeric: true, cell: (p) => formatMoney(p.price, null) },
        { header: 'Margin', numeric: true, cell: (p) => marginOf(p.price, p.cost) },
        stateColumn(),
      ]}
      editLabel={(p) => `Edit ${p.name}`}
      form={(p, onDone) => <ProductForm product={p} onDone={onDone} />}
    />
  );
}

function ProductForm({ product, onDone }: { product?: Product; onDone: () => void }) {
  const save = useSaveProduct(product?.id ?? null);
  return (
    <CatalogForm
      title={product ? `Edit ${product.name}` : 'New product'}
      submitLabel={product ? 'Save product' : 'Add product'}
      save={save}
      read={(f, found): ProductInput => ({
        name: text(f, 'name'),
        sku: textOrNull(f, 'sku'),
        vendor: text(f, 'vendor'),
        categoryCode: text(f, 'categoryCode'),
        unit: text(f, 'unit') as Unit,
        cost: moneyOf(f, 'cost', found),
        price: moneyOf(f, 'price', found),
        active: checked(f, 'active'),
      })}
      shownFields={['name', 'sku', 'vendor', 'categoryCode', 'unit', 'cost', 'price']}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <div className="grid grid--3">
            <NameField errors={errors} value={product?.name} />
            <Field label="Vendor" name="vendor" errors={errors}>
              {(p) => <input {...p} maxLength={200} defaultValue={product?.vendor} />}
            </Field>
            <Field label="SKU" name="sku" errors={errors}>
              {(p) => <input {...p} maxLength={100} defaultValue={product?.sku ?? ''} />}
            </Field>
            <CategoryField errors={errors} value={product?.categoryCode ?? 'licences'} />
            <UnitField errors={errors} value={product?.unit} />
            <MoneyField
              errors={errors}
              label="Cost (per unit, per month)"
              name="cost"
              hint="What the vendor charges the MSP."
              value={product?.cost ?? 0}
            />
            <MoneyField
              errors={errors}
              label="Price (per unit, per month)"
              name="price"
              hint="What the client pays."
              value={product?.price ?? 0}
            />
          </div>
          <Checkbox label="Active" name="active" defaultChecked={product?.active ?? true} />
        </>
      )}
    </CatalogForm>
  );
}
