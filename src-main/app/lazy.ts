/**
 * A service built on its first use, once, with the modules behind it loaded then: a CLI command loads and builds
 * only what its calls need (`fieldkit discover` never loads the import engine, the Rainbow client or the keychain
 * before its first probe), and the app loads each feature when a screen first calls it.
 */
export interface Lazy<T> {
  (): Promise<T>;
  /** The service when it was built already, else undefined: closing never builds what nobody used. */
  built(): T | undefined;
}

/** A failed build is not kept: the next use tries again (a module or a keychain can be there by then). */
export function lazy<T>(build: () => Promise<T>): Lazy<T> {
  let building: Promise<T> | undefined;
  let value: T | undefined;
  const get = (): Promise<T> => {
    building ??= build().then(
      (built) => (value = built),
      (error: unknown) => {
        building = undefined;
        throw error;
      },
    );
    return building;
  };
  return Object.assign(get, { built: () => value });
}
