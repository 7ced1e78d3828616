import { unitLabels } from '../agreements/labels';
import { useProducts, useSaveProduct } from '../api/catalog';
import type { Product, ProductInput, Unit } from '../api/catalog-types';
import { useCan } from '../api/session';
import { checked, text, textOrNull } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { Checkbox, Field } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { CategoryField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, marginOf, moneyOf } from './catalog-form';
import { useCategoryName } from './use-category-name';
import { useEditing } from './use-editing';

/** Products and licences the MSP resells (Microsoft 365, antivirus …): vendor cost and client price. */
export function ProductsTab() {
  const products = useProducts();
  const categoryName = useCategoryName();
  const canWrite = useCan('catalog:write');
  const form = useEditing();
  return (
    <section aria-labelledby="products-title">
      <div className="section__header">
        <h2 id="products-title">Products and licences</h2>
        {canWrite && !form.isNew && (
          <button type="button" className="button button--primary" onClick={form.startNew}>
            Add product
          </button>
        )}
      </div>
      {form.isNew && <ProductForm onDone={form.close} />}
      <QueryState query={products} loading="Loading products…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No products yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Vendor</th>
                    <th scope="col">Category</th>
                    <th scope="col">Unit</th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col" className="num">
                      Price
                    </th>
                    <th scope="col" className="num">
                      Margin
                    </th>
                    <th scope="col">State</th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) =>
                    form.editing === p.id ? (
                      <tr key={p.id}>
                        <td colSpan={9}>
                          <ProductForm product={p} onDone={form.close} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={p.id}>
                        <th scope="row">
                          {p.name}
                          {p.sku && <div className="muted small">SKU {p.sku}</div>}
                        </th>
                        <td>{p.vendor || '—'}</td>
                        <td>{categoryName(p.categoryCode)}</td>
                        <td>{unitLabels[p.unit]}</td>
                        <td className="num">{formatMoney(p.cost, null)}</td>
                        <td className="num">{formatMoney(p.price, null)}</td>
                        <td className="num">{marginOf(p.price, p.cost)}</td>
                        <td>
                          {p.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Retired</Badge>}
                        </td>
                        {canWrite && (
                          <td>
                            <button
                              type="button"
                              className="button button--link"
                              onClick={() => form.edit(p.id)}
                            >
                              Edit {p.name}
                            </button>
                          </td>
                        )}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
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
