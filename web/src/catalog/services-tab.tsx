import { useState } from 'react';
import { unitLabels } from '../agreements/labels';
import { useCategories, useSaveService, useServices } from '../api/catalog';
import type { Service, ServiceInput, Unit } from '../api/catalog-types';
import { useCan } from '../api/session';
import { checked, text } from '../clients/form-values';
import { formatMoney, toDecimal } from '../money/money';
import { Badge } from '../ui/badge';
import { Checkbox, Field } from '../ui/field';
import { MoneyInput } from '../ui/money-input';
import { fieldErrors } from '../ui/problem-alert';
import { QueryState } from '../ui/query-state';
import { CatalogForm, marginOf, moneyOf } from './catalog-form';
import { UnitOptions } from './unit-options';
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
  const categories = useCategories().data ?? [];
  const [local, setLocal] = useState(new Map<string, string>());
  const errors = new Map([...fieldErrors(save.error), ...local]);
  function submit(f: FormData) {
    const found = new Map<string, string>();
    const input: ServiceInput = {
      name: text(f, 'name'),
      categoryCode: text(f, 'categoryCode'),
      description: text(f, 'description'),
      unit: text(f, 'unit') as Unit,
      price: moneyOf(f, 'price', found),
      cost: moneyOf(f, 'cost', found),
      active: checked(f, 'active'),
    };
    setLocal(found);
    if (found.size === 0) save.mutate(input, { onSuccess: onDone });
  }
  return (
    <CatalogForm
      title={service ? `Edit ${service.name}` : 'New service'}
      submitLabel={service ? 'Save service' : 'Add service'}
      pending={save.isPending}
      error={save.error}
      localErrors={local}
      shownFields={['name', 'categoryCode', 'description', 'unit', 'price', 'cost']}
      onCancel={onDone}
      onSubmit={submit}
    >
      <div className="grid grid--3">
        <Field label="Name" name="name" errors={errors}>
          {(p) => <input {...p} required maxLength={200} defaultValue={service?.name} />}
        </Field>
        <Field label="Category" name="categoryCode" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={service?.categoryCode ?? 'helpdesk'}>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Unit" name="unit" errors={errors}>
          {(p) => (
            <select {...p} defaultValue={service?.unit ?? 'per_user'}>
              <UnitOptions />
            </select>
          )}
        </Field>
        <Field label="Price (per unit, per month)" name="price" errors={errors}>
          {(p) => <MoneyInput {...p} currency={null} defaultValue={toDecimal(service?.price ?? 0, null)} />}
        </Field>
        <Field
          label="Cost (per unit, per month)"
          name="cost"
          errors={errors}
          hint="What delivering it costs the MSP."
        >
          {(p) => <MoneyInput {...p} currency={null} defaultValue={toDecimal(service?.cost ?? 0, null)} />}
        </Field>
      </div>
      <Field label="Description" name="description" errors={errors}>
        {(p) => <textarea {...p} rows={2} maxLength={5000} defaultValue={service?.description} />}
      </Field>
      <Checkbox
        label="Active"
        name="active"
        defaultChecked={service?.active ?? true}
        hint="Retired services are not offered on new lines."
      />
    </CatalogForm>
  );
}
