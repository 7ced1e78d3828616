import { useSaveWorkType, useWorkTypes } from '../api/catalog';
import type { WorkType } from '../api/catalog-types';
import { useCan } from '../api/session';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Badge } from '../ui/badge';
import { Checkbox } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { CodeField, MoneyField, NameField } from './catalog-fields';
import { CatalogForm, moneyOf } from './catalog-form';
import { useEditing } from './use-editing';

/** Kinds of work time is logged as (remote, on-site, project …) and the hourly rate each bills at. */
export function WorkTypesTab() {
  const workTypes = useWorkTypes();
  const canWrite = useCan('catalog:write');
  const form = useEditing();
  return (
    <section aria-labelledby="work-types-title">
      <div className="section__header">
        <h2 id="work-types-title">Work types</h2>
        {canWrite && !form.isNew && (
          <button type="button" className="button button--primary" onClick={form.startNew}>
            Add work type
          </button>
        )}
      </div>
      {form.isNew && <WorkTypeForm onDone={form.close} />}
      <QueryState query={workTypes} loading="Loading work types…">
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Work type</th>
                  <th scope="col">Code</th>
                  <th scope="col">Billing</th>
                  <th scope="col" className="num">
                    Default rate (per hour)
                  </th>
                  <th scope="col">State</th>
                  {canWrite && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((w) =>
                  form.editing === w.code ? (
                    <tr key={w.code}>
                      <td colSpan={6}>
                        <WorkTypeForm workType={w} onDone={form.close} />
                      </td>
                    </tr>
                  ) : (
                    <tr key={w.code}>
                      <th scope="row">{w.name}</th>
                      <td>
                        <code>{w.code}</code>
                      </td>
                      <td>{w.internal ? 'Internal' : w.billable ? 'Billable' : 'Not billable'}</td>
                      <td className="num">{formatMoney(w.defaultRate, null)}</td>
                      <td>
                        {w.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Retired</Badge>}
                      </td>
                      {canWrite && (
                        <td>
                          <button
                            type="button"
                            className="button button--link"
                            onClick={() => form.edit(w.code)}
                          >
                            Edit {w.name}
                          </button>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}

function WorkTypeForm({ workType, onDone }: { workType?: WorkType; onDone: () => void }) {
  const save = useSaveWorkType(workType?.code ?? null);
  return (
    <CatalogForm
      title={workType ? `Edit ${workType.name}` : 'New work type'}
      submitLabel={workType ? 'Save work type' : 'Add work type'}
      save={save}
      read={(f, found): Partial<WorkType> => ({
        ...(workType ? {} : { code: text(f, 'code') }),
        name: text(f, 'name'),
        defaultRate: moneyOf(f, 'defaultRate', found),
        billable: checked(f, 'billable'),
        internal: checked(f, 'internal'),
        active: checked(f, 'active'),
      })}
      shownFields={['code', 'name', 'defaultRate']}
      onDone={onDone}
    >
      {(errors) => (
        <>
          <div className="grid grid--3">
            {!workType && <CodeField errors={errors} example="remote" />}
            <NameField errors={errors} value={workType?.name} />
            <MoneyField
              errors={errors}
              label="Default rate (per hour)"
              name="defaultRate"
              hint="Billed when no agreement sets a rate."
              value={workType?.defaultRate ?? 0}
            />
          </div>
          <Checkbox label="Billable" name="billable" defaultChecked={workType?.billable ?? true} />
          <Checkbox
            label="Internal"
            name="internal"
            defaultChecked={workType?.internal ?? false}
            hint="The MSP's own work (admin, training): never billed to a client."
          />
          <Checkbox label="Active" name="active" defaultChecked={workType?.active ?? true} />
        </>
      )}
    </CatalogForm>
  );
}
