import type { KeyModelInfo } from '../../shared/keys';
import type { Device, DeviceModel, PhoneNumber } from '../rainbow/types';
import type { Catalog, CatalogDevice, CatalogModel, CatalogStatus, CatalogSubscriber } from './types';

export const CATALOG_VERSION = 1;

export function catalogModel(deviceModel: DeviceModel): CatalogModel {
  const { id, model, vendor, category } = deviceModel;
  return { id, model, vendor, category, keys: keyModelInfo(deviceModel) };
}

/** The fields of a model that key checks read, as a keys answer's `modelInfo` has them. */
function keyModelInfo(model: DeviceModel): KeyModelInfo {
  return withoutUndefined({
    programmableKeys: model.programmableKeys,
    nbOfSoftKeyPages: model.nbOfSoftKeyPages,
    can_speeddial: model.can_speeddial,
    can_monitor: model.can_monitor,
    can_forward: model.can_forward,
    has_headset: model.has_headset,
    has_audioHub: model.has_audioHub,
    has_progKeyHG: model.has_progKeyHG,
    supportedModules: model.supportedModules?.map(({ type, programmableKeys, nbOfSoftKeyPages }) => ({
      type,
      programmableKeys,
      nbOfSoftKeyPages,
    })),
  });
}

/** Whether a catalogue holds what keys sheets are checked against offline (pulled since keys sheets exist). */
export function hasKeyChecks(catalog: Catalog): boolean {
  return (
    catalog.models.every((model) => model.keys !== undefined) &&
    catalog.devices.every((device) => device.modules !== undefined)
  );
}

export function catalogSubscriber(phoneNumber: PhoneNumber): CatalogSubscriber {
  return withoutUndefined({
    id: phoneNumber.id,
    shortNumber: phoneNumber.shortNumber,
    firstName: phoneNumber.firstName || undefined,
    lastName: phoneNumber.lastName || undefined,
    loginEmail: phoneNumber.loginEmail || undefined,
    userId: phoneNumber.userId || undefined,
  });
}

export function catalogDevice(device: Device): CatalogDevice {
  return withoutUndefined({
    id: device.id,
    macAddress: device.macAddress?.toLowerCase() || undefined,
    ipei: device.ipei?.toLowerCase() || undefined,
    deviceTypeId: device.deviceType.id,
    model: device.deviceType.model,
    description: device.description,
    phoneNumberId: device.phoneNumberId || undefined,
    shortNumber: device.shortNumber || undefined,
    userDisplayName: device.userDisplayName || undefined,
    modules: (device.modules ?? []).map(({ moduleId, type }) => ({ moduleId, type })),
  });
}

/**
 * The admin phone-number list does not always carry the holder's login e-mail; a device assigned to the number
 * does (`userLoginEmail`), so the catalogue takes it from there when the list lacks it.
 */
export function fillLoginEmails(subscribers: CatalogSubscriber[], devices: readonly Device[]): void {
  const byPhoneNumber = new Map(subscribers.map((subscriber) => [subscriber.id, subscriber]));
  for (const device of devices) {
    if (!device.phoneNumberId || !device.userLoginEmail) continue;
    const subscriber = byPhoneNumber.get(device.phoneNumberId);
    if (subscriber !== undefined && subscriber.loginEmail === undefined) {
      subscriber.loginEmail = device.userLoginEmail;
    }
  }
}

export function catalogStatus(catalog: Catalog | undefined, systemId: string, now: number): CatalogStatus {
  if (catalog === undefined) return { systemId, cached: false };
  return {
    systemId,
    ...(catalog.systemName === undefined ? {} : { systemName: catalog.systemName }),
    cached: true,
    fetchedAt: catalog.fetchedAt,
    ageSeconds: ageSeconds(catalog, now),
    counts: {
      models: catalog.models.length,
      subscribers: catalog.subscribers.length,
      devices: catalog.devices.length,
    },
  };
}

export function ageSeconds(catalog: Pick<Catalog, 'fetchedAt'>, now: number): number {
  return Math.max(0, Math.round((now - Date.parse(catalog.fetchedAt)) / 1000));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago": how a technician reads a catalogue's age. */
export function describeAge(seconds: number): string {
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
