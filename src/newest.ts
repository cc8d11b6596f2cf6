/**
 * Sets `key` as the newest entry of `map`, forgetting the oldest when `map` already holds `limit`: the
 * bound every per-user or per-key cache here keeps (a `Map` iterates in insertion order).
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) map.delete(map.keys().next().value as K);
  map.set(key, value);
}
