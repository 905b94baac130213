import { shallowRef, triggerRef, type ShallowRef } from 'vue';
import type { DiscoveredDevice, PbxStatus } from '@api/types';
import { ipOrder } from '@renderer/features/discover/rows';

export interface DiscoveredRows {
  /** Sorted by address; replaced in place row by row, so an update touches one row, not the table. */
  readonly list: Readonly<ShallowRef<readonly DiscoveredDevice[]>>;
  /** Adds the row of a MAC, or replaces it with this newer, merged one. */
  upsert(device: DiscoveredDevice): void;
  /** Puts every row of a scan's results in place at once (the scan has finished). */
  replaceAll(devices: readonly DiscoveredDevice[]): void;
  /** Sets a MAC's CloudPBX status from what was done here (a registration); later scan rows keep it. */
  mark(mac: string, pbx: PbxStatus): void;
  get(mac: string): DiscoveredDevice | undefined;
  clear(): void;
}

/**
 * The live table of a scan, keyed by MAC. A sweep finds addresses in order, so a new row is nearly always an
 * append; the rare one found late is inserted at its place rather than sorting the table again.
 */
export function createDiscoveredRows(): DiscoveredRows {
  const list = shallowRef<DiscoveredDevice[]>([]);
  const positions = new Map<string, number>();
  const marks = new Map<string, PbxStatus>();

  const withMark = (device: DiscoveredDevice): DiscoveredDevice => {
    const pbx = marks.get(device.mac);
    return pbx ? { ...device, pbx } : device;
  };

  function insertionPoint(rows: readonly DiscoveredDevice[], order: number): number {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ipOrder(rows[middle]?.ip ?? '') <= order) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function put(device: DiscoveredDevice): void {
    const rows = list.value;
    const row = withMark(device);
    const known = positions.get(device.mac);
    if (known !== undefined) {
      rows[known] = row;
      return;
    }
    const at = insertionPoint(rows, ipOrder(device.ip));
    rows.splice(at, 0, row);
    for (let index = at; index < rows.length; index += 1) positions.set(rows[index]?.mac ?? '', index);
  }

  return {
    list,
    upsert(device) {
      put(device);
      triggerRef(list);
    },
    replaceAll(devices) {
      const sorted = [...devices].sort((a, b) => ipOrder(a.ip) - ipOrder(b.ip)).map(withMark);
      positions.clear();
      sorted.forEach((device, index) => positions.set(device.mac, index));
      list.value = sorted;
    },
    mark(mac, pbx) {
      marks.set(mac, pbx);
      const known = positions.get(mac);
      const row = known === undefined ? undefined : list.value[known];
      if (known === undefined || !row) return;
      list.value[known] = { ...row, pbx };
      triggerRef(list);
    },
    get(mac) {
      const known = positions.get(mac);
      return known === undefined ? undefined : list.value[known];
    },
    clear() {
      positions.clear();
      marks.clear();
      list.value = [];
    },
  };
}
