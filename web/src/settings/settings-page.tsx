import { Link } from 'react-router';
import { useCan } from '../api/session';
import { useUsers } from '../api/users';
import { Badge } from '../ui/badge';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';

/** Settings: SLA calendars and policies, and who has access. Managing users comes later. */
export function SettingsPage() {
  const canRead = useCan('users:read');
  const canReadSla = useCan('sla:read');
  return (
    <>
      <PageHeader title="Settings" />
      {canReadSla && (
        <section className="card" aria-labelledby="sla-settings-title">
          <h2 id="sla-settings-title">
            <Link to="/settings/sla">SLA</Link>
          </h2>
          <p>
            Business calendars (zone, weekly hours, holidays), SLA policies with their targets per priority,
            the impact × urgency priority matrix, and the default policy per client kind.
          </p>
        </section>
      )}
      <section className="card notice">
        <h2>Coming in a later release</h2>
        <p>Inviting and managing users, the classification policy, the ticket workflow, and integrations.</p>
      </section>
      {canRead && <UsersList />}
    </>
  );
}

function UsersList() {
  const users = useUsers();
  return (
    <section aria-labelledby="users-title" className="section">
      <h2 id="users-title">Users</h2>
      <QueryState query={users} loading="Loading users…">
        {(data) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Two-step</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name || '—'}</th>
                    <td>{u.email}</td>
                    <td>{u.role}</td>
                    <td>{u.totpEnabled ? 'On' : 'Off'}</td>
                    <td>
                      {u.disabled ? <Badge tone="muted">Disabled</Badge> : <Badge tone="good">Active</Badge>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
