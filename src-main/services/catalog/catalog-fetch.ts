import { DEVICE_CATEGORIES } from '../../shared/enums';
import type { RainbowClient } from '../rainbow';
import { CATALOG_VERSION, catalogDevice, catalogModel, catalogSubscriber, fillLoginEmails } from './catalog';
import type { Catalog } from './types';

/** The client calls a catalogue needs; tests of pure logic can hand in a small object. */
export type CatalogSource = Pick<
  RainbowClient,
  'getSystem' | 'listDeviceModels' | 'listPhoneNumbers' | 'listDevices'
>;

/** Fetches every model, subscriber and device of a CloudPBX (all pages) as one catalogue. */
export async function fetchCatalog(
  source: CatalogSource,
  systemId: string,
  now: () => number,
): Promise<Catalog> {
  const [system, models, phoneNumbers, devices] = await Promise.all([
    source.getSystem(systemId),
    source.listDeviceModels(systemId, { category: DEVICE_CATEGORIES }),
    source.listPhoneNumbers(systemId),
    source.listDevices(systemId),
  ]);
  const subscribers = phoneNumbers.map(catalogSubscriber);
  fillLoginEmails(subscribers, devices);
  return {
    version: CATALOG_VERSION,
    systemId,
    systemName: system.name,
    fetchedAt: new Date(now()).toISOString(),
    models: models.map(catalogModel),
    subscribers,
    devices: devices.map(catalogDevice),
  };
}
