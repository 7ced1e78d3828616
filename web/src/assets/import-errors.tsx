import type { ImportStatus } from '../api/assets';

const fieldLabels: Record<string, string> = {
  client: 'Client',
  site: 'Site',
  type: 'Type',
  name: 'Name',
  hostname: 'Hostname',
  address: 'IP / FQDN',
  os: 'OS',
  serialNumber: 'Serial',
  manufacturer: 'Manufacturer',
  model: 'Model',
  purchaseDate: 'Purchase date',
  warrantyEnd: 'Warranty end',
  managed: 'Managed',
  owner: 'Owner',
  notes: 'Notes',
  identities: 'Identities',
};

/** The refused rows, by the row number a spreadsheet shows (the header is row 1). */
export function ImportErrors({ status }: { status: ImportStatus }) {
  if (status.errors.length === 0) return null;
  return (
    <section aria-labelledby="import-errors-title" className="section">
      <h2 id="import-errors-title">Refused rows</h2>
      {status.failed > status.errors.length && (
        <p className="muted">
          The first {status.errors.length} problems of {status.failed} refused rows are listed.
        </p>
      )}
      <div className="table-wrap">
        <table className="table" aria-labelledby="import-errors-title">
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {status.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems in one column
              <tr key={i}>
                <td className="num">{e.row ?? '—'}</td>
                <td>{e.field ? (fieldLabels[e.field] ?? e.field) : '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
