/** Sets `key` in `map` as its newest entry, dropping the oldest once the map holds more than `max` keys. */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/** Appends `item` to the list under `key`, keeping the latest `max` items of a list and the newest `max` lists. */
export function appendNewest<K, V>(map: Map<K, V[]>, key: K, item: V, max: number): void {
  const list = map.get(key) ?? [];
  list.push(item);
  if (list.length > max) list.shift();
  setNewest(map, key, list, max);
}
