/**
 * What the Discover screen derives from a discovered row: its CloudPBX status in one word, whether the
 * filters keep it, and the CloudPBX model its SIP user agent names.
 */
import type { DeviceKind, DeviceModel, DiscoveredDevice } from '@api/types';
import { parseIpv4 } from '@shared/ipv4';

/** The CloudPBX's view of a row; `checking` until the scan has joined it with the CloudPBX. */
export type PbxCategory = 'checking' | 'new' | 'provisioned' | 'assigned' | 'registered';

export type RowAction = 'register' | 'assign' | 'swap' | 'diagnose' | 'copy-mac' | 'web-admin';

export const PBX_FILTERS = ['new', 'provisioned', 'assigned', 'registered'] as const;
export type PbxFilter = (typeof PBX_FILTERS)[number];

/** Phones and DECT bases: what the table lists unless "all hosts" is on. */
const PHONE_KINDS: ReadonlySet<DeviceKind> = new Set(['deskphone', 'dect-base']);
/** What a CloudPBX can hold: a register button makes sense for these only. */
const REGISTRABLE_KINDS: ReadonlySet<DeviceKind> = new Set(['deskphone', 'dect-base', 'ale-other']);

export interface DiscoverFilters {
  allHosts: boolean;
  /** Empty: any status. */
  statuses: PbxFilter[];
}

export const defaultDiscoverFilters = (): DiscoverFilters => ({ allHosts: false, statuses: [] });

/** Exclusive, the most advanced first: registered, else assigned, else provisioned, else new. */
export function pbxCategory(device: Pick<DiscoveredDevice, 'pbx'>): PbxCategory {
  const pbx = device.pbx;
  if (!pbx) return 'checking';
  if (!pbx.provisioned) return 'new';
  if (pbx.registered === true) return 'registered';
  return pbx.subscriber ? 'assigned' : 'provisioned';
}

export function isPhoneKind(kind: DeviceKind): boolean {
  return PHONE_KINDS.has(kind);
}

export function canRegister(device: DiscoveredDevice): boolean {
  return REGISTRABLE_KINDS.has(device.kind) && pbxCategory(device) === 'new';
}

export function matchesFilters(device: DiscoveredDevice, filters: DiscoverFilters): boolean {
  if (!filters.allHosts && !isPhoneKind(device.kind)) return false;
  if (filters.statuses.length === 0) return true;
  const category = pbxCategory(device);
  return category !== 'checking' && filters.statuses.includes(category);
}

const comparable = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The CloudPBX model a discovered phone announces (`ALE M5 …` → "M5", `8028s` → "8028s"), matched by name
 * whatever the case and punctuation; undefined when none matches (the technician picks one).
 */
export function guessModel(
  announced: string | null,
  models: readonly DeviceModel[],
): DeviceModel | undefined {
  if (announced === null || announced.trim() === '') return undefined;
  const wanted = comparable(announced).replace(/^ale/, '');
  return models.find((model) => comparable(model.model) === wanted);
}

/** `192.168.1.20` → a number that sorts addresses numerically; 0 for anything unreadable. */
export function ipOrder(ip: string): number {
  return parseIpv4(ip) ?? 0;
}

/** The phone's web admin page, always over https. */
export const webAdminUrl = (ip: string): string => `https://${ip}/`;
