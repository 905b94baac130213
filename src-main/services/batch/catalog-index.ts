import type { Catalog, CatalogDevice, CatalogModel, CatalogSubscriber } from '../catalog';
import { normaliseIpei, normaliseMac } from '../../shared/identifiers';

/** Lookups over a catalogue, built once per validation so that each line costs a few map reads. */
export interface CatalogIndex {
  catalog: Catalog;
  modelsByKey: Map<string, CatalogModel>;
  modelsById: Map<number, CatalogModel>;
  /**
   * The model each cell text found names (null: none), filled as lines are checked: a file's model column
   * holds a handful of texts, so 100,000 lines cost a handful of normalisations.
   */
  modelsByText: Map<string, CatalogModel | null>;
  /**
   * What was suggested for each text that names nothing, by field (`suggestOnce`): a misspelt model or value is
   * misspelt the same way on many lines, and suggesting again for each of them made the edit distance hot enough
   * to be compiled, 20 ms of a 100,000-line validation.
   */
  suggestions: Map<string, readonly string[]>;
  subscribersByShortNumber: Map<string, CatalogSubscriber>;
  subscribersById: Map<string, CatalogSubscriber>;
  /** One e-mail may hold several numbers. */
  subscribersByEmail: Map<string, CatalogSubscriber[]>;
  /** By canonical MAC (12 hex digits) or IPEI (10 hex digits). */
  devicesByIdentifier: Map<string, CatalogDevice>;
}

/** `8214 DECT`, `8214-dect` and `8214DECT` name the same model. */
export function modelKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const subscribersByEmail = new Map<string, CatalogSubscriber[]>();
  for (const subscriber of catalog.subscribers) {
    if (subscriber.loginEmail === undefined) continue;
    const key = emailKey(subscriber.loginEmail);
    subscribersByEmail.set(key, [...(subscribersByEmail.get(key) ?? []), subscriber]);
  }
  const devicesByIdentifier = new Map<string, CatalogDevice>();
  for (const device of catalog.devices) {
    const mac = device.macAddress === undefined ? undefined : normaliseMac(device.macAddress);
    if (mac?.ok) devicesByIdentifier.set(mac.value, device);
    const ipei = device.ipei === undefined ? undefined : normaliseIpei(device.ipei);
    if (ipei?.ok) devicesByIdentifier.set(ipei.value, device);
  }
  return {
    catalog,
    modelsByKey: new Map(catalog.models.map((model) => [modelKey(model.model), model])),
    modelsById: new Map(catalog.models.map((model) => [model.id, model])),
    modelsByText: new Map(),
    suggestions: new Map(),
    subscribersByShortNumber: new Map(catalog.subscribers.map((s) => [s.shortNumber, s])),
    subscribersById: new Map(catalog.subscribers.map((s) => [s.id, s])),
    subscribersByEmail,
    devicesByIdentifier,
  };
}

/** The suggestions for `text` in `field`: made by `suggest` the first time, remembered for the other lines. */
export function suggestOnce(
  index: CatalogIndex,
  field: string,
  text: string,
  suggest: () => readonly string[],
): readonly string[] {
  const key = `${field}\u0000${text}`;
  let suggestions = index.suggestions.get(key);
  if (suggestions === undefined) {
    suggestions = suggest();
    index.suggestions.set(key, suggestions);
  }
  return suggestions;
}

/** "81004 Hugo Thomas", or just the number when nobody holds it. */
export function subscriberLabel(
  subscriber: Pick<CatalogSubscriber, 'shortNumber' | 'firstName' | 'lastName'>,
): string {
  const name = [subscriber.firstName, subscriber.lastName].filter(Boolean).join(' ');
  return name === '' ? subscriber.shortNumber : `${subscriber.shortNumber} ${name}`;
}
