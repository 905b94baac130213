/** A Map that counts its writes, so whatever was computed from its contents can tell when it is stale. */
export class RevisedMap<K, V> extends Map<K, V> {
  revision = 0;

  override set(key: K, value: V): this {
    this.revision += 1;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.revision += 1;
    return super.delete(key);
  }

  override clear(): void {
    this.revision += 1;
    super.clear();
  }
}
