import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useImportStatus, useStartImport } from '../api/assets';
import { PageHeader } from '../ui/page-header';
import { ProblemAlert } from '../ui/problem-alert';
import './assets.css';
import { ImportErrors } from './import-errors';
import { ImportProgress } from './import-progress';

const columns = [
  ['client', 'client name or id (required)'],
  ['type', 'workstation, server, laptop, network device, printer, mobile, cloud service, other (required)'],
  ['name', 'or hostname: one of the two is required'],
  ['hostname', ''],
  ['site', 'site name'],
  ['address', 'IP address or FQDN'],
  ['os', ''],
  ['serial', 'serial number'],
  ['manufacturer', ''],
  ['model', ''],
  ['purchase_date', 'YYYY-MM-DD'],
  ['warranty_end', 'YYYY-MM-DD'],
  ['managed', 'yes / no'],
  ['owner', 'contact email or name'],
  ['notes', ''],
  ['identities', 'key=value; key=value, e.g. instance=web01:9100'],
] as const;

/**
 * Import assets from a CSV file: every row is checked first, then valid rows are written in chunks
 * while this page polls the import and shows a progress bar and the refused rows.
 */
export function AssetImportPage() {
  const start = useStartImport();
  const [importId, setImportId] = useState<string | null>(null);
  const status = useImportStatus(importId);
  const current = status.data ?? (start.data?.id === importId ? start.data : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    setImportId(null);
    start.mutate({ file, dryRun: form.get('dryRun') === 'on' }, { onSuccess: (s) => setImportId(s.id) });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/assets">Assets</Link>
      </p>
      <PageHeader
        title="Import assets"
        subtitle="From a CSV file (comma, semicolon or tab separated). Importing the same file again updates the assets it describes instead of adding them twice."
      />
      <form className="form card" onSubmit={submit} aria-label="Import assets">
        <ProblemAlert error={start.error} />
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv,text/plain" required />
        </div>
        <div className="checkbox">
          <input id="import-dry-run" name="dryRun" type="checkbox" />
          <label htmlFor="import-dry-run">Only check the file (dry run: nothing is written)</label>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            {start.isPending ? 'Uploading…' : 'Import'}
          </button>
        </div>
      </form>
      {current && (
        <section aria-labelledby="import-status-title" className="section">
          <h2 id="import-status-title">{current.filename ?? 'Import'}</h2>
          <ImportProgress status={current} />
          <ProblemAlert error={status.error} />
          <ImportErrors status={current} />
        </section>
      )}
      <details className="section import-columns">
        <summary>Columns the file may have</summary>
        <p className="muted">
          Headers are matched without regard to case, spaces or underscores; the header is row 1. A row
          matches an existing asset by client and serial number, else hostname.
        </p>
        <ul>
          {columns.map(([name, hint]) => (
            <li key={name}>
              <code>{name}</code>
              {hint && ` — ${hint}`}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
