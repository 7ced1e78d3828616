import { useId, useState } from 'react';
import { useClient, useClients } from '../api/clients';
import { useDebounced } from '../ui/use-debounced';

type Props = {
  label: string;
  value: string;
  onChange: (clientId: string) => void;
  /** The choice for no client ("Any client", "None: triage"); without it a client must be chosen. */
  emptyLabel?: string;
  hint?: string;
  error?: string;
  disabled?: boolean;
};

/**
 * Choose one client among many: type part of a name to narrow the list, then pick. The chosen
 * client stays in the list whatever is typed.
 */
export function ClientSelect({ label, value, onChange, emptyLabel, hint, error, disabled }: Props) {
  const id = useId();
  const [term, setTerm] = useState('');
  const q = useDebounced(term);
  const clients = useClients({ q, status: '', includeArchived: false });
  const chosen = useClient(value);
  const found = clients.data?.pages.flatMap((p) => p.items) ?? [];
  const options = [...found];
  if (value && chosen.data && !found.some((c) => c.id === value)) options.unshift(chosen.data);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid client-select' : 'field client-select'}>
      <label htmlFor={`${id}-select`}>{label}</label>
      <div className="client-select__controls">
        <input
          type="search"
          className="client-select__search"
          aria-label={`Find ${label.toLowerCase()} by name`}
          placeholder="Find by name…"
          value={term}
          disabled={disabled}
          onChange={(e) => setTerm(e.target.value)}
        />
        <select
          id={`${id}-select`}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {(emptyLabel !== undefined || !value) && (
            <option value="">{emptyLabel ?? 'Choose a client…'}</option>
          )}
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          {value && !options.some((c) => c.id === value) && <option value={value}>Loading…</option>}
        </select>
      </div>
      {clients.hasNextPage && <p className="field__hint">More clients match: type more of the name.</p>}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
