import { unitLabels } from '../agreements/labels';
import { useSaveService, useServices } from '../api/catalog';
import type { Service, ServiceInput, Unit } from '../api/catalog-types';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Checkbox } from '../ui/field';
import { CategoryField, DescriptionField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, marginOf, moneyOf } from './catalog-form';
import { CatalogList, NameCell, stateColumn } from './catalog-list';
import { useCategoryName } from './use-category-name';

/** Services the MSP delivers (monitoring, backup …), each in a category, with list price and cost. */
export function ServicesTab() {
  const services = useServices();
  const categoryName = useCategoryName();
  return (
    <CatalogList
      name="services"
      title="Services"
      addLabel="Add service"
      query={services}
      loading="Loading services…"
      empty="No services yet."
      keyOf={(s) => s.id}
      columns={[
        { header: 'Service', cell: (s) => <NameCell name={s.name} detail={s.description} /> },
        { header: 'Category', cell: (s) => categoryName(s.categoryCode) },
        { header: 'Unit', cell: (s) => unitLabels[s.unit] },
        { header: 'Price', numeric: true, cell: (s) => formatMoney(s.price, null) },
        { header: 'Cost', numeric: true, cell: (s) => formatMoney(s.cost, null) },
        { header: 'Margin', numeric: true, cell: (s) => marginOf(s.price, s.cost) },
        stateColumn(),
      ]}
      editLabel={(s) => `Edit ${s.name}`}
      form={(s, onDone) => <ServiceForm service={s} onDone={onDone} />}
    />
  );
}

function ServiceForm({ service, onDone }: { service?: Service; onDone: () => void }) {
  const save = useSaveService(service?.id ?? null);
  return (
    <CatalogForm
      title={service ? `Edit ${service.name}` : 'New service'}
      submitLabel={service ? 'Save service' : 'Add service'}
      save={save}
      read={(f, found): ServiceInput => ({
        name: text(f, 'name'),
        categoryCode: text(f, 'categoryCode'),
        description: text(f, 'description'),
        unit: text(f, 'unit') as Unit,
        price: moneyOf(f, 'price', found),
        cost: moneyOf(f, 'cost', found),
        active: checked(f, 'active'),
      })}
      shownFields={['name', 'categoryCode', 'description', 'unit', 'price', 'cost']}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <div className="grid grid--3">
            <NameField errors={errors} value={service?.name} />
            <CategoryField errors={errors} value={service?.categoryCode ?? 'helpdesk'} />
            <UnitField errors={errors} value={service?.unit} />
            <MoneyField
              errors={errors}
              label="Price (per unit, per month)"
              name="price"
              value={service?.price ?? 0}
            />
            <MoneyField
              errors={errors}
              label="Cost (per unit, per month)"
              name="cost"
              hint="What delivering it costs the MSP."
              value={service?.cost ?? 0}
            />
          </div>
          <DescriptionField errors={errors} value={service?.description} />
          <Checkbox
            label="Active"
            name="active"
            defaultChecked={service?.active ?? true}
            hint="Retired services are not offered on new lines."
          />
        </>
      )}
    </CatalogForm>
  );
}
