import { useState } from 'react';
import { useOutletContext } from 'react-router';
import { AvailabilitySection } from '../alerts/availability-section';
import { useUpdateClient } from '../api/clients';
import { useCan } from '../api/session';
import type { Client } from '../api/types';
import { ClientForm } from './client-form';
import { ClientSummary } from './client-summary';

/** The client's overview, and for those who may change it, the form to do so. */
export function ClientOverview() {
  const client = useOutletContext<Client>();
  const canEdit = useCan('clients:write') && !client.archived;
  const update = useUpdateClient(client.id);
  const [editing, setEditing] = useState(false);

  if (editing)
    return (
      <section aria-labelledby="edit-client">
        <h2 id="edit-client">Edit client</h2>
        <ClientForm
          key={client.updatedAt}
          initial={client}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onSubmit={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })}
          onCancel={() => {
            update.reset();
            setEditing(false);
          }}
        />
      </section>
    );
  return (
    <>
      {canEdit && (
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit client
          </button>
        </div>
      )}
      <ClientSummary client={client} />
      <AvailabilitySection clientId={client.id} />
    </>
  );
}
