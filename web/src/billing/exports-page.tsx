import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { periodEnd, periodOf, periodStart, previousPeriod } from '../../../src/domain/billing/periods';
import { fetchAccountingExport } from '../api/billing';
import type { ExportFormat, ExportKind, ExportQuery } from '../api/billing-types';
import { ApiError } from '../api/http';
import { dateKey } from '../time/week';
import { SelectField, TextField } from '../ui/controlled-fields';
import { ProblemAlert } from '../ui/problem-alert';
import { formatHints, formatLabels, kindLabels } from './export-formats';
import { formatDay } from './labels';
import { saveFile } from './save-file';

/** Last month in the browser's zone: what an accountant usually books next. */
function lastMonth(): { from: string; to: string } {
  const period = previousPeriod(periodOf(dateKey(new Date())));
  return { from: periodStart(period), to: periodEnd(period) };
}

const formats = Object.entries(formatLabels) as [ExportFormat, string][];
// Shown beside their inputs, so the alert leaves them out.
const queryFields = ['format', 'from', 'to', 'kind'].map((f) => `querystring.${f}`);

/** The server names the query's own fields `querystring.<name>`; the form's fields are `<name>`. */
const queryErrors = (error: unknown) =>
  new Map(
    error instanceof ApiError
      ? error.fields
          .filter((f) => f.field.startsWith('querystring.'))
          .map((f) => [f.field.slice('querystring.'.length), f.message] as const)
      : [],
  );

type Group = { path: string; message: string; count: number; lines: boolean };

/**
 * A refusal names every document line it could not export (documents[3].lines[0].taxCode); one
 * missing code is one fix, so the lines it affects are counted under one message.
 */
function documentProblems(error: unknown): Group[] {
  if (!(error instanceof ApiError)) return [];
  const groups = new Map<string, Group>();
  for (const f of error.fields) {
    if (f.field.startsWith('querystring.')) continue;
    const path = f.field.replace(/^documents\[\d+\]\.?/, '').replace(/\[\d+\]/g, '');
    const key = `${path}\u0000${f.message}`;
    const group = groups.get(key) ?? {
      path,
      message: f.message,
      count: 0,
      lines: /lines\[\d+\]/.test(f.field),
    };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function ExportProblem({ error }: { error: unknown }) {
  const groups = documentProblems(error);
  if (groups.length === 0) return <ProblemAlert error={error} shownFields={queryFields} />;
  return (
    <div className="alert alert--error" role="alert">
      <p>{error instanceof Error ? error.message : 'The export was refused.'}</p>
      <ul>
        {groups.map((g) => (
          <li key={`${g.path}:${g.message}`}>
            {g.path && <code>{g.path}</code>} {g.message} ({g.count}{' '}
            {g.lines ? (g.count === 1 ? 'line' : 'lines') : g.count === 1 ? 'document' : 'documents'})
          </li>
        ))}
      </ul>
      <p>
        Accounts, tax rate names and the seller are set in{' '}
        <Link to="/billing/settings">billing settings</Link>; the file is made once they are.
      </p>
    </div>
  );
}

/**
 * The accounting export: the invoices and credit notes issued in a date range as the CSV file
 * QuickBooks Online or Xero imports, or as Keel's own. The file is fetched rather than linked, so a
 * refusal (a range that ends before it starts, a tax rate Xero has no name for) shows here.
 */
export function ExportsPage() {
  const [format, setFormat] = useState<ExportFormat>('xero');
  const [kind, setKind] = useState<ExportKind | ''>('');
  const [range, setRange] = useState(lastMonth);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = queryErrors(error);
  // QuickBooks imports the two kinds separately: one of them is always chosen for it.
  const kindChosen: ExportKind | '' = format === 'quickbooks' && kind === '' ? 'invoices' : kind;
  const kinds: [ExportKind | '', string][] = [
    ...(format === 'quickbooks' ? [] : [['', 'Invoices and credit notes'] as [ExportKind | '', string]]),
    ...(Object.entries(kindLabels) as [ExportKind, string][]),
  ];
  const change = (next: () => void) => {
    next();
    setError(null);
    setSaved(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const query: ExportQuery = {
      format,
      from: range.from,
      to: range.to,
      ...(kindChosen ? { kind: kindChosen } : {}),
    };
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const file = await fetchAccountingExport(query);
      saveFile(file.blob, file.filename);
      setSaved(file.filename);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">Accounting export</h2>
      <p className="muted">
        Issued invoices and credit notes whose issue date is in the range, both days included; void invoices
        are left out.
      </p>
      <form className="form" onSubmit={submit} noValidate aria-label="Accounting export">
        <ExportProblem error={error} />
        <div className="grid grid--2">
          <SelectField
            label="Format"
            name="format"
            errors={errors}
            hint={formatHints[format]}
            value={format}
            onChange={(next) => change(() => setFormat(next))}
            options={formats}
          />
          <SelectField
            label="Documents"
            name="kind"
            errors={errors}
            value={kindChosen}
            onChange={(next) => change(() => setKind(next))}
            options={kinds}
          />
        </div>
        <div className="grid grid--2">
          <TextField
            label="Issued from"
            name="from"
            type="date"
            required
            errors={errors}
            value={range.from}
            onChange={(from) => change(() => setRange((r) => ({ ...r, from })))}
          />
          <TextField
            label="Issued to"
            name="to"
            type="date"
            required
            errors={errors}
            value={range.to}
            onChange={(to) => change(() => setRange((r) => ({ ...r, to })))}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Preparing the file…' : 'Download CSV'}
          </button>
        </div>
        {saved && (
          <p className="alert alert--success" role="status">
            Saved {saved}: {formatLabels[format]}, issued {formatDay(range.from)} to {formatDay(range.to)}.
          </p>
        )}
      </form>
    </section>
  );
}
