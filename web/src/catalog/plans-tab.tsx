import { unitLabels } from '../agreements/labels';
import { usePlans, useSavePlan, useServices } from '../api/catalog';
import type { Plan, PlanInput, Unit } from '../api/catalog-types';
import { useCan } from '../api/session';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { Checkbox } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { DescriptionField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, moneyOf } from './catalog-form';
import { useCategoryName } from './use-category-name';
import { useEditing } from './use-editing';

/** Plans (tiers such as Essentials, Complete) and the services each bundles at one price. */
export function PlansTab() {
  const plans = usePlans();
  const services = useServices().data ?? [];
  const categoryName = useCategoryName();
  const canWrite = useCan('catalog:write');
  const form = useEditing();
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? '…';
  return (
    <section aria-labelledby="plans-title">
      <div className="section__header">
        <h2 id="plans-title">Plans</h2>
        {canWrite && !form.isNew && (
          <button type="button" className="button button--primary" onClick={form.startNew}>
            Add plan
          </button>
        )}
      </div>
      {form.isNew && <PlanForm onDone={form.close} />}
      <QueryState query={plans} loading="Loading plans…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No plans yet. A plan bundles services into one tier with one price.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Plan</th>
                    <th scope="col" className="num">
                      Price
                    </th>
                    <th scope="col">Bundled services</th>
                    <th scope="col">Covers</th>
                    <th scope="col">State</th>
                    {canWrite && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) =>
                    form.editing === p.id ? (
                      <tr key={p.id}>
                        <td colSpan={6}>
                          <PlanForm plan={p} onDone={form.close} />
                        </td>
                      </tr>
                    ) : (
                      <tr key={p.id}>
                        <th scope="row">
                          {p.name}
                          {p.description && <div className="muted small">{p.description}</div>}
                        </th>
                        <td className="num">
                          {formatMoney(p.price, null)} <span className="muted">{unitLabels[p.unit]}</span>
                        </td>
                        <td>{p.serviceIds.map(serviceName).join(', ') || '—'}</td>
                        <td>{p.categories.map(categoryName).join(', ') || '—'}</td>
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

function PlanForm({ plan, onDone }: { plan?: Plan; onDone: () => void }) {
  const save = useSavePlan(plan?.id ?? null);
  const services = useServices().data ?? [];
  return (
    <CatalogForm
      title={plan ? `Edit ${plan.name}` : 'New plan'}
      submitLabel={plan ? 'Save plan' : 'Add plan'}
      save={save}
      read={(f, found): PlanInput => ({
        name: text(f, 'name'),
        description: text(f, 'description'),
        unit: text(f, 'unit') as Unit,
        price: moneyOf(f, 'price', found),
        active: checked(f, 'active'),
        serviceIds: f.getAll('serviceIds').map(String),
      })}
      shownFields={['name', 'description', 'unit', 'price', 'serviceIds']}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <div className="grid grid--3">
            <NameField errors={errors} value={plan?.name} />
            <UnitField errors={errors} value={plan?.unit} />
            <MoneyField
              errors={errors}
              label="Price (per unit, per month)"
              name="price"
              value={plan?.price ?? 0}
            />
          </div>
          <DescriptionField errors={errors} value={plan?.description} />
          <fieldset className={errors.has('serviceIds') ? 'choice-group field--invalid' : 'choice-group'}>
            <legend>Bundled services</legend>
            {services.length === 0 && <p className="muted">Add services first; a plan bundles them.</p>}
            <div className="choice-group__options">
              {services.map((s) => (
                <label key={s.id} className="choice">
                  <input
                    type="checkbox"
                    name="serviceIds"
                    value={s.id}
                    defaultChecked={plan?.serviceIds.includes(s.id)}
                  />
                  {s.name}
                </label>
              ))}
            </div>
            {errors.get('serviceIds') && <p className="field__error">{errors.get('serviceIds')}</p>}
          </fieldset>
          <Checkbox label="Active" name="active" defaultChecked={plan?.active ?? true} />
        </>
      )}
    </CatalogForm>
  );
}
