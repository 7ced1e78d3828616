import { useBillingSettings, useExportSettings } from '../api/billing';
import { useCan } from '../api/session';
import { QueryState } from '../ui/query-state';
import { ExportCodesForm } from './export-codes-form';
import { ScheduledRunsTable } from './scheduled-runs-table';
import { BillingSettingsForm } from './settings-form';

/** A form starts from the row as read on opening the page, not from a copy another screen cached. */
const storedNow = <T,>(q: {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isFetchedAfterMount: boolean;
}) => ({
  data: q.isFetchedAfterMount ? q.data : undefined,
  error: q.error,
  isPending: q.isPending || !q.isFetchedAfterMount,
});

/**
 * Billing settings: the seller, currency, terms, reminders and schedule (one settings row), and the
 * codes the accounting exports book with (a second one); each saved on its own. Everyone who reads
 * billing sees them; only those who may change billing see the save buttons.
 */
export function BillingSettingsPage() {
  const canWrite = useCan('billing:write');
  const settings = useBillingSettings({ fresh: true });
  const exportSettings = useExportSettings();
  return (
    <>
      <section className="section" aria-labelledby="billing-settings-title">
        <h2 id="billing-settings-title">Invoices, reminders and schedule</h2>
        <QueryState query={storedNow(settings)} loading="Loading billing settings…">
          {(s) => <BillingSettingsForm settings={s} canWrite={canWrite} />}
        </QueryState>
      </section>
      <ScheduledRunsTable />
      <section className="section" aria-labelledby="export-codes-title">
        <h2 id="export-codes-title">Accounting export codes</h2>
        <QueryState query={storedNow(exportSettings)} loading="Loading export codes…">
          {(s) => <ExportCodesForm settings={s} canWrite={canWrite} />}
        </QueryState>
      </section>
    </>
  );
}
