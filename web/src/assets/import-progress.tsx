import type { ImportStatus } from '../api/assets';

/**
 * How far an import got: a bar of rows dealt with (written or refused) out of all rows, and what
 * happened to them. The bar is a real progressbar for assistive technology.
 */
export function ImportProgress({ status }: { status: ImportStatus }) {
  const percent = status.total ? Math.round((status.done / status.total) * 100) : 100;
  const running = status.status === 'queued' || status.status === 'running';
  const label = status.dryRun ? 'Checking rows' : 'Importing rows';
  return (
    <div className="import-progress">
      <div
        className="import-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={status.total}
        aria-valuenow={status.done}
        aria-valuetext={`${status.done} of ${status.total} rows`}
      >
        <div
          className={
            status.status === 'failed'
              ? 'import-progress__fill import-progress__fill--failed'
              : 'import-progress__fill'
          }
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="import-progress__numbers" role="status" aria-live="polite">
        {running ? `${label}: ` : ''}
        <strong>
          {status.done} of {status.total}
        </strong>{' '}
        rows ({percent} %) ·{' '}
        {status.dryRun
          ? `${status.created} would be created, ${status.updated} would update an existing asset`
          : `${status.created} created, ${status.updated} updated, ${status.unchanged} unchanged`}{' '}
        · {status.failed} refused
        {status.status === 'completed' &&
          (status.dryRun ? ' — check finished, nothing written.' : ' — done.')}
        {status.status === 'failed' && ' — the import stopped.'}
      </p>
    </div>
  );
}
