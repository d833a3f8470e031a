/**
 * A Map that keeps at most `capacity` entries, forgetting the least recently set first: a
 * cache of what was last written, whose memory no stream of new keys can grow.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();
  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): void {
    // Re-inserted at the end: Map iterates in insertion order, so the first key is the stalest.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
