import { useArchiveClient, useRestoreClient } from '../api/clients';
import type { Client } from '../api/types';
import { ProblemAlert } from '../ui/problem-alert';

/** Archive hides a client from lists and keeps its history; restore brings it back. */
export function ArchiveActions({ client }: { client: Client }) {
  const archive = useArchiveClient(client.id);
  const restore = useRestoreClient(client.id);
  const pending = archive.isPending || restore.isPending;
  return (
    <>
      {client.archived ? (
        <button type="button" className="button" disabled={pending} onClick={() => restore.mutate()}>
          Restore client
        </button>
      ) : (
        <button
          type="button"
          className="button button--danger"
          disabled={pending}
          onClick={() => archive.mutate()}
        >
          Archive client
        </button>
      )}
      <ProblemAlert error={archive.error ?? restore.error} />
    </>
  );
}
