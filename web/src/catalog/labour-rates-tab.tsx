import { useState } from 'react';
import { today } from '../agreements/draft';
import { useLabourRates, useSetLabourRate } from '../api/catalog';
import type { LabourRate, LabourRateInput } from '../api/catalog-types';
import { useUsers } from '../api/users';
import { text } from '../clients/form-values';
import { formatMoney } from '../money/money';
import { Field } from '../ui/field';
import { QueryState } from '../ui/query-state';
import { MoneyField } from './catalog-fields';
import { CatalogForm, moneyOf } from './catalog-form';

/**
 * What an hour of each technician costs, from a date: profitability weighs logged time with it. A
 * new rate takes over from its date; earlier ones stay for the periods they covered.
 */
export function LabourRatesTab() {
  const rates = useLabourRates();
  const users = useUsers().data?.items ?? [];
  const staff = users.filter((u) => u.role !== 'portal');
  const [adding, setAdding] = useState(false);
  const nameOf = (id: string) => {
    const u = users.find((x) => x.id === id);
    return u ? u.name || u.email : '…';
  };
  return (
    <section aria-labelledby="labour-title">
      <div className="section__header">
        <h2 id="labour-title">Labour cost per technician</h2>
        {!adding && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Set a rate
          </button>
        )}
      </div>
      {adding && <LabourRateForm staff={staff} onDone={() => setAdding(false)} />}
      <QueryState query={rates} loading="Loading labour cost…">
        {(items) =>
          items.length === 0 ? (
            <p className="empty">No labour cost recorded yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Technician</th>
                    <th scope="col" className="num">
                      Cost per hour
                    </th>
                    <th scope="col">From</th>
                    <th scope="col">Earlier rates</th>
                  </tr>
                </thead>
                <tbody>
                  {currentRates(items).map(({ current, earlier }) => (
                    <tr key={current.userId}>
                      <th scope="row">{nameOf(current.userId)}</th>
                      <td className="num">{formatMoney(current.hourlyCost, null)}</td>
                      <td>{current.effectiveFrom}</td>
                      <td>
                        {earlier.length === 0
                          ? '—'
                          : earlier
                              .map((r) => `${formatMoney(r.hourlyCost, null)} from ${r.effectiveFrom}`)
                              .join('; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

/** Per technician: the rate in force today (or the next one, when all start later) and the others. */
function currentRates(rates: LabourRate[]) {
  const byUser = new Map<string, LabourRate[]>();
  for (const r of rates) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  return [...byUser.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const started = sorted.filter((r) => r.effectiveFrom <= today());
    const current = started.at(-1) ?? sorted[0]!;
    return { current, earlier: sorted.filter((r) => r !== current).reverse() };
  });
}

function LabourRateForm({
  staff,
  onDone,
}: {
  staff: { id: string; name: string; email: string }[];
  onDone: () => void;
}) {
  const save = useSetLabourRate();
  return (
    <CatalogForm
      title="Set a technician's labour cost"
      submitLabel="Save rate"
      save={save}
      read={(f, found): LabourRateInput => {
        if (!text(f, 'hourlyCost')) found.set('hourlyCost', 'enter the cost per hour');
        return {
          userId: text(f, 'userId'),
          hourlyCost: moneyOf(f, 'hourlyCost', found),
          effectiveFrom: text(f, 'effectiveFrom'),
        };
      }}
      shownFields={['userId', 'hourlyCost', 'effectiveFrom']}
      onDone={onDone}
    >
      {(errors) => (
        <div className="grid grid--3">
          <Field label="Technician" name="userId" errors={errors}>
            {(p) => (
              <select {...p}>
                {staff.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name || u.email}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <MoneyField
            errors={errors}
            label="Cost per hour"
            name="hourlyCost"
            hint="Salary and overheads per hour worked."
          />
          <Field label="Effective from" name="effectiveFrom" errors={errors}>
            {(p) => <input {...p} type="date" defaultValue={today()} />}
          </Field>
        </div>
      )}
    </CatalogForm>
  );
}
