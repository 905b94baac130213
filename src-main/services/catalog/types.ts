import type { InstalledModule, KeyModelInfo } from '../../shared/keys';
import type { DeviceCategory } from '../rainbow/types';

/**
 * What Fieldkit keeps of a CloudPBX to validate an import offline: its models, subscribers and devices, and
 * when they were fetched. Only the fields validation reads are kept, so no secret a device or subscriber may
 * carry (SIP passwords, debug-session passwords) is ever written to disk.
 */
export interface CatalogModel {
  id: number;
  model: string;
  vendor: string;
  category: DeviceCategory;
  /**
   * Its key capabilities (a keys answer's `modelInfo`, with `has_progKeyHG`), which keys sheets are checked
   * against offline; absent in a catalogue pulled before keys sheets.
   */
  keys?: KeyModelInfo;
}

export interface CatalogSubscriber {
  /** The phoneNumberId. */
  id: string;
  shortNumber: string;
  firstName?: string;
  lastName?: string;
  loginEmail?: string;
  userId?: string;
}

export interface CatalogDevice {
  id: string;
  /** 12 lowercase hex digits, as the API stores it. */
  macAddress?: string;
  /** 10 lowercase hex digits (DECT handsets). */
  ipei?: string;
  deviceTypeId: number;
  model: string;
  description: string;
  phoneNumberId?: string;
  shortNumber?: string;
  userDisplayName?: string;
  /** Its expansion modules, for keys sheets offline; absent in a catalogue pulled before keys sheets. */
  modules?: InstalledModule[];
}

export interface Catalog {
  version: 1;
  systemId: string;
  systemName?: string;
  /** ISO 8601, when the last of its lists was fetched. */
  fetchedAt: string;
  models: CatalogModel[];
  subscribers: CatalogSubscriber[];
  devices: CatalogDevice[];
}

/** How old a catalogue is and what it holds, for `catalog.status` and the validation header. */
export interface CatalogStatus {
  systemId: string;
  systemName?: string;
  cached: boolean;
  fetchedAt?: string;
  ageSeconds?: number;
  counts?: { models: number; subscribers: number; devices: number };
}
