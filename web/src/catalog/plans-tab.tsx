import { unitLabels } from '../agreements/labels';
import { usePlans, useSavePlan, useServices } from '../api/catalog';
import type { Plan, PlanInput, Unit } from '../api/catalog-types';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Checkbox } from '../ui/field';
import { DescriptionField, MoneyField, NameField, UnitField } from './catalog-fields';
import { CatalogForm, moneyOf } from './catalog-form';
import { CatalogList, NameCell, stateColumn } from './catalog-list';
import { useCategoryName } from './use-category-name';

/** Plans (tiers such as Essentials, Complete) and the services each bundles at one price. */
export function PlansTab() {
  const plans = usePlans();
  const services = useServices().data ?? [];
  const categoryName = useCategoryName();
  const serviceName = (id: string) => services.find((s) => s.id === id)?.name ?? '…';
  return (
    <CatalogList
      name="plans"
      title="Plans"
      addLabel="Add plan"
      query={plans}
      loading="Loading plans…"
      empty="No plans yet. A plan bundles services into one tier with one price."
      keyOf={(p) => p.id}
      columns={[
        { header: 'Plan', cell: (p) => <NameCell name={p.name} detail={p.description} /> },
        {
          header: 'Price',
          numeric: true,
          cell: (p) => (
            <>
              {formatMoney(p.price, null)} <span className="muted">{unitLabels[p.unit]}</span>
            </>
          ),
        },
        { header: 'Bundled services', cell: (p) => p.serviceIds.map(serviceName).join(', ') || '—' },
        { header: 'Covers', cell: (p) => p.categories.map(categoryName).join(', ') || '—' },
        stateColumn(),
      ]}
      editLabel={(p) => `Edit ${p.name}`}
      form={(p, onDone) => <PlanForm plan={p} onDone={onDone} />}
    />
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
