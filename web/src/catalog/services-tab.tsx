import { unitLabels } from '../agreements/labels';
import { useSaveService, useServices } from '../api/catalog';
import type { Service, ServiceInput, Unit } from '../api/catalog-types';
import { useCan } from '../api/session';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { Checkbox } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { CategoryField, DescriptionField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, marginOf, moneyOf } from './catalog-form';
import { useCategoryName } from './use-category-name';
import { useEditing } from './use-editing';

/** Services the MSP delivers (monitoring, backup …), each in a category, with list price and cost. */
export function ServicesTab() {
  const services = useServices();
  const categoryName = useCategoryName();
  const canWrite = useCan('catalog:write');
  const form = useEditing();
  return (
    <section aria-labelledby="services-title">
      <div className="section__header">
        <h2 id="services-title">Services</h2>
        {canWrite && !form.isNew && (
          <button type="button" className="button button--primary" onClick={form.startNew}>
            Add service
          </button>
        )}
      </div>
      {form.isNew && <ServiceForm onDone={form.close} />}
      <QueryState query={services} loading="Loading services…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No services yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Category</th>
                    <th scope="col">Unit</th>
                    <th scope="col" className="num">
                      Price
                    </th>
                    <th scope="col" className="num">
                      Cost
                    </th>
                    <th scope="col" className="num">
                      Margin
                    </th>
                    <th scope="col">State</th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) =>
                    form.editing === s.id ? (
                      <tr key={s.id}>
                        <td colSpan={8}>
                          <ServiceForm service={s} onDone={form.close} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={s.id}>
                        <th scope="row">
                          {s.name}
                          {s.description && <div className="muted small">{s.description}</div>}
                        </th>
                        <td>{categoryName(s.categoryCode)}</td>
                        <td>{unitLabels[s.unit]}</td>
                        <td className="num">{formatMoney(s.price, null)}</td>
                        <td className="num">{formatMoney(s.cost, null)}</td>
                        <td className="num">{marginOf(s.price, s.cost)}</td>
                        <td>
                          {s.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Retired</Badge>}
                        </td>
                        {canWrite && (
                          <td>
                            <button
                              type="button"
                              className="button button--link"
                              onClick={() => form.edit(s.id)}
                            >
                              Edit {s.name}
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
