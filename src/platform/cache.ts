/**
 * A small read-through cache with a time limit, for settings and contexts read on every request and
 * changed rarely. Several processes may share one database, so entries also expire on their own;
 * `forget` drops them at once when this process makes the change.
 */
export function ttlCache<K, V>(ttlMs: number, load: (key: K) => Promise<V>, maxEntries = 10_000) {
  const entries = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K): Promise<V> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load(key);
      entries.set(key, { at: Date.now(), value });
      // A failed load is not remembered: the next caller tries again.
      value.catch(() => entries.delete(key));
      return value;
    },
    forget(key?: K) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
