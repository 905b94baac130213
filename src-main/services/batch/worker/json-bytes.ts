/**
 * Large values cross the import worker's thread boundary as JSON in a transferred buffer: structured cloning
 * 100,000 row objects costs seconds of CPU on both threads, encoding them once and moving the bytes does not.
 */
export function toJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function fromJsonBytes<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
