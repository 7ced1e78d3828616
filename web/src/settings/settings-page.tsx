import { useCan } from '../api/session';
import { useUsers } from '../api/users';
import { Badge } from '../ui/badge';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';

/** Settings: who has access today. Managing users, roles and policies comes later. */
export function SettingsPage() {
  const canRead = useCan('users:read');
  return (
    <>
      <PageHeader title="Settings" />
      <section className="card notice">
        <h2>Coming in a later release</h2>
        <p>Inviting and managing users, classification and SLA policies, and integrations.</p>
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
