import { useState } from 'react';
import { Link } from 'react-router';
import { useClients } from '../api/clients';
import { useDebounced } from '../ui/use-debounced';

/** Find the client a new agreement is with, by name. */
export function ClientPicker() {
  const [term, setTerm] = useState('');
  const q = useDebounced(term);
  const clients = useClients({ q, status: '', includeArchived: false });
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="pick-client">
      <h2 id="pick-client">Client</h2>
      <div className="field">
        <label htmlFor="pick-client-search">Search clients</label>
        <input
          id="pick-client-search"
          type="search"
          placeholder="Name contains…"
          value={term}
          onChange={(e) => setTerm(e.target.value)}
        />
      </div>
      {clients.isPending ? (
        <p className="muted">Loading clients…</p>
      ) : items.length === 0 ? (
        <p className="muted">No client matches.</p>
      ) : (
        <ul className="link-list">
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/agreements/new?client=${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
