import { useSaveWorkType, useWorkTypes } from '../api/catalog';
import type { WorkType } from '../api/catalog-types';
import { checked, text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Checkbox } from '../ui/field';
import { CodeField, MoneyField, NameField } from './catalog-fields';
import { CatalogForm, moneyOf } from './catalog-form';
import { CatalogList, stateColumn } from './catalog-list';

/** Kinds of work time is logged as (remote, on-site, project …) and the hourly rate each bills at. */
export function WorkTypesTab() {
  const workTypes = useWorkTypes();
  return (
    <CatalogList
      name="work-types"
      title="Work types"
      addLabel="Add work type"
      query={workTypes}
      loading="Loading work types…"
      keyOf={(w) => w.code}
      columns={[
        { header: 'Work type', cell: (w) => w.name },
        { header: 'Code', cell: (w) => <code>{w.code}</code> },
        {
          header: 'Billing',
          cell: (w) => (w.internal ? 'Internal' : w.billable ? 'Billable' : 'Not billable'),
        },
        { header: 'Default rate (per hour)', numeric: true, cell: (w) => formatMoney(w.defaultRate, null) },
        stateColumn(),
      ]}
      editLabel={(w) => `Edit ${w.name}`}
      form={(w, onDone) => <WorkTypeForm workType={w} onDone={onDone} />}
    />
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
