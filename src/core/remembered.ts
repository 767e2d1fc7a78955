/**
 * What `compute` gives for `key`, computed once per distinct key and kept in `cache` (a miss is kept as null):
 * files and stored organizations repeat the same few dates, months and product names on thousands of rows.
 * `compute` should be a function made once, not a closure made per call: this runs once per row.
 */
export function remembered<K, V>(cache: Map<K, V | null>, key: K, compute: (key: K) => V | undefined): V | undefined {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key) ?? null;
    cache.set(key, value);
  }
  return value ?? undefined;
}
