import { type FormEvent, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isPeriod } from '../../../src/domain/billing/periods';
import { useBillingSettings, useRunBilling } from '../api/billing';
import type { RunResult } from '../api/billing-types';
import { useCan } from '../api/session';
import { ClientSelect } from '../clients/client-select';
import { ProblemAlert } from '../ui/problem-alert';
import { periodLabel } from './labels';
import { LeakReportPanel } from './leak-report';
import { RunPreview } from './run-preview';
import { RunResultPanel } from './run-result';
import { RunsTable } from './runs-table';

/** The month it is in the browser's zone: a run on the 1st bills that month ahead and last month's work. */
function currentPeriod(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

type Asked = { period: string; clientId: string };

/**
 * A billing run, looked at before it is made: choose a period (and a client), preview what each
 * client would be billed beside the leak report, then create the drafts. The choice lives in the
 * address (?period=&client=) so a preview can be shared.
 */
export function RunPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState(params.get('period') ?? currentPeriod());
  const [clientId, setClientId] = useState(params.get('client') ?? '');
  const [asked, setAsked] = useState<Asked | null>(null);
  const [done, setDone] = useState<RunResult | null>(null);
  const canRun = useCan('billing:write');
  const settings = useBillingSettings();
  const preview = useRunBilling();
  const run = useRunBilling();
  const currency = settings.data?.currency ?? null;
  const valid = isPeriod(period);

  const choose = (next: Asked) => {
    setPeriod(next.period);
    setClientId(next.clientId);
    // A preview or a result is for the choice it was made with: a new choice clears them.
    setAsked(null);
    setDone(null);
    preview.reset();
    run.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    const next = { period, clientId };
    setAsked(next);
    setDone(null);
    run.reset();
    setParams(clientId ? { period, client: clientId } : { period }, { replace: true });
    preview.mutate({ period, clientId: clientId || null, dryRun: true });
  }

  function createDrafts() {
    if (!asked) return;
    run.mutate(
      { period: asked.period, clientId: asked.clientId || null, dryRun: false },
      { onSuccess: setDone },
    );
  }

  return (
    <>
      <form className="filters" onSubmit={submit} aria-label="Billing run">
        <div className="field filters__narrow">
          <label htmlFor={`${id}-period`}>Period</label>
          <input
            id={`${id}-period`}
            type="month"
            required
            value={period}
            aria-invalid={valid ? undefined : true}
            onChange={(e) => choose({ period: e.target.value, clientId })}
          />
        </div>
        <ClientSelect
          label="Client"
          emptyLabel="Every client"
          value={clientId}
          onChange={(next) => choose({ period, clientId: next })}
        />
        <button type="submit" className="button" disabled={!valid || preview.isPending}>
          {preview.isPending ? 'Previewing…' : 'Preview (dry run)'}
        </button>
      </form>
      <p className="muted small">
        A run for {valid ? periodLabel(period) : 'a month'} bills that month’s recurring fees in advance, and
        approved work and charges from before it in arrears. Running it again adds only what is new.
      </p>
      <ProblemAlert error={preview.error ?? run.error} />
      {asked && (
        <div className="billing-preview">
          <section className="billing-preview__plan" aria-labelledby="run-plan-title">
            <div className="section__header">
              <h2 id="run-plan-title">
                {done ? 'What the run billed' : 'What the run would bill'} · {periodLabel(asked.period)}
              </h2>
              {canRun && !done && preview.data && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={run.isPending}
                  onClick={createDrafts}
                >
                  {run.isPending ? 'Creating drafts…' : 'Create drafts'}
                </button>
              )}
            </div>
            {done ? (
              <RunResultPanel result={done} currency={currency} />
            ) : preview.data ? (
              <RunPreview result={preview.data} currency={currency} />
            ) : (
              preview.isPending && (
                <p className="muted" role="status">
                  Working out what each client would be billed…
                </p>
              )
            )}
          </section>
          <LeakReportPanel period={asked.period} clientId={asked.clientId} currency={currency} />
        </div>
      )}
      <RunsTable />
    </>
  );
}
