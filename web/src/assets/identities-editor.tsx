import type { IdentityLabel } from '../api/assets';

type Props = {
  value: IdentityLabel[];
  onChange: (next: IdentityLabel[]) => void;
  /** Field errors keyed "identities.N.value" as the API names them. */
  errors: Map<string, string>;
};

const suggestedKeys = ['instance', 'host', 'monitor', 'service', 'job', 'fingerprint'];

/**
 * The monitoring identities of an asset: label pairs that alerts carry (Prometheus `instance`,
 * Zabbix `host`, Uptime Kuma `monitor` …). One pair belongs to one live asset at most.
 */
export function IdentitiesEditor({ value, onChange, errors }: Props) {
  const set = (i: number, patch: Partial<IdentityLabel>) =>
    onChange(value.map((label, j) => (j === i ? { ...label, ...patch } : label)));
  const listError = errors.get('identities');
  return (
    <fieldset className="fieldset">
      <legend>Monitoring identities</legend>
      <p className="field__hint">
        Labels alerts carry that name this asset, e.g. instance = web01:9100 or monitor = Acme website.
      </p>
      <datalist id="identity-keys">
        {suggestedKeys.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {value.map((label, i) => {
        const error = errors.get(`identities.${i}.value`) ?? errors.get(`identities.${i}.key`);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while typed
          <div key={i} className={error ? 'identity-row field--invalid' : 'identity-row'}>
            <input
              aria-label={`Identity ${i + 1} key`}
              list="identity-keys"
              value={label.key}
              maxLength={63}
              onChange={(e) => set(i, { key: e.target.value })}
            />
            <span aria-hidden="true">=</span>
            <input
              aria-label={`Identity ${i + 1} value`}
              value={label.value}
              maxLength={500}
              onChange={(e) => set(i, { value: e.target.value })}
            />
            <button
              type="button"
              className="button"
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              Remove
            </button>
            {error && <p className="field__error">{error}</p>}
          </div>
        );
      })}
      {listError && <p className="field__error">{listError}</p>}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...value, { key: 'instance', value: '' }])}
      >
        Add identity
      </button>
    </fieldset>
  );
}
