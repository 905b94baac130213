import type { Device, DeviceCategory, DeviceModel, PhoneNumber } from '@api/types';
import { displayIpei, displayIpeiDecimal, displayMac } from '@shared/identifiers';
import { allPositions, itemsAt, keyIndexOf } from '@renderer/ui/key-index';

/** One line of the device list, with everything the list shows and searches computed once per load. */
export interface DeviceRow {
  id: string;
  device: Device;
  kind: 'mac' | 'ipei' | 'none';
  /** `48:7a:55:00:00:02` or `03807E7898`; '' when the device has neither (a Generic SIP device may not). */
  identifier: string;
  /** The IPEI's decimal form, for its tooltip; '' for a MAC. */
  identifierDecimal: string;
  modelId: number;
  model: string;
  category: DeviceCategory;
  description: string;
  subscriberName: string;
  shortNumber: string;
  assigned: boolean;
  banned: boolean;
  /** Every searchable text of the row, lower-cased and joined once, so a keystroke only runs `includes`. */
  searchKey: string;
}

export type RegistrationState = 'registered' | 'unregistered' | 'unknown';
export type YesNoAll = 'all' | 'yes' | 'no';

export interface DeviceFilters {
  query: string;
  modelId?: number | undefined;
  category?: DeviceCategory | undefined;
  assigned: YesNoAll;
  registered: YesNoAll;
}

export const noDeviceFilters = (): DeviceFilters => ({ query: '', assigned: 'all', registered: 'all' });

/** What each subscriber is called: "first last", else the user's display name on the device, else ''. */
export function subscriberName(subscriber: PhoneNumber | undefined): string {
  if (!subscriber) return '';
  return [subscriber.firstName, subscriber.lastName].filter((part) => part && part.trim() !== '').join(' ');
}

/** Joins devices with their subscriber and model. Linear in the number of devices. */
export function buildDeviceRows(
  devices: readonly Device[],
  subscribers: readonly PhoneNumber[],
  models: readonly DeviceModel[],
): DeviceRow[] {
  return devices.map(rowBuilder(subscribers, models));
}

/**
 * `buildDeviceRows` for a list that grows while it arrives: each device's row is built once and reused while the
 * subscribers and models are the same lists, so appending a page costs that page's rows, not the whole list's.
 * New subscribers or models keep each row they leave as it was (rows show the device's own user name and number
 * until the subscribers arrive, usually the same), and a list whose rows are all kept is answered as the same
 * array: the names arriving while a search is typed then neither re-render the table nor make the search forget
 * the results it remembers.
 */
export function createDeviceRowBuilder(): typeof buildDeviceRows {
  let join:
    | {
        subscribers: readonly PhoneNumber[];
        models: readonly DeviceModel[];
        build: (device: Device) => DeviceRow;
        rowOf: WeakMap<Device, DeviceRow>;
      }
    | undefined;
  let answered: DeviceRow[] = [];
  return (devices, subscribers, models) => {
    if (join?.subscribers !== subscribers || join.models !== models) {
      const build = rowBuilder(subscribers, models);
      const before = join?.rowOf;
      join = {
        subscribers,
        models,
        build: before ? (device) => unchangedOr(before.get(device), build(device)) : build,
        rowOf: new WeakMap(),
      };
    }
    const { build, rowOf } = join;
    const rows = devices.map((device) => {
      const known = rowOf.get(device);
      if (known) return known;
      const row = build(device);
      rowOf.set(device, row);
      return row;
    });
    if (rows.length !== answered.length || rows.some((row, at) => row !== answered[at])) answered = rows;
    return answered;
  };
}

/** `before` when `row` has the same value in every field, else `row`. */
function unchangedOr(before: DeviceRow | undefined, row: DeviceRow): DeviceRow {
  if (!before) return row;
  const field = Object.keys(row) as (keyof DeviceRow)[];
  return field.every((key) => before[key] === row[key]) ? before : row;
}

function rowBuilder(
  subscribers: readonly PhoneNumber[],
  models: readonly DeviceModel[],
): (device: Device) => DeviceRow {
  const subscriberById = new Map(subscribers.map((subscriber) => [subscriber.id, subscriber]));
  const categoryByModel = new Map(models.map((model) => [model.id, model.category]));
  return (device) => {
    const subscriber =
      device.phoneNumberId === undefined ? undefined : subscriberById.get(device.phoneNumberId);
    const name = subscriberName(subscriber) || (device.userDisplayName ?? '');
    const shortNumber = device.shortNumber ?? subscriber?.shortNumber ?? '';
    const kind = device.macAddress ? 'mac' : device.ipei ? 'ipei' : 'none';
    const identifier =
      kind === 'mac'
        ? displayMac(device.macAddress ?? '')
        : kind === 'ipei'
          ? displayIpei(device.ipei ?? '')
          : '';
    const identifierDecimal = kind === 'ipei' ? (displayIpeiDecimal(device.ipei ?? '') ?? '') : '';
    const category =
      categoryByModel.get(device.deviceType.id) ?? (kind === 'ipei' ? 'dectmobile' : 'uncategorized');
    const searchKey = [
      identifier,
      device.macAddress ?? device.ipei ?? '',
      identifierDecimal.replace(/\s/g, ''),
      device.deviceType.model,
      device.description,
      name,
      shortNumber,
      device.userLoginEmail ?? subscriber?.loginEmail ?? '',
    ]
      .join('\n')
      .toLocaleLowerCase();
    return {
      id: device.id,
      device,
      kind,
      identifier,
      identifierDecimal,
      modelId: device.deviceType.id,
      model: device.deviceType.model,
      category,
      description: device.description,
      subscriberName: name,
      shortNumber,
      assigned: device.phoneNumberId !== undefined,
      banned: device.bannedDevice !== undefined,
      searchKey,
    };
  };
}

/**
 * The words of a query, each with its separator-free form when it has one, so `48-7A-55` finds `48:7a:55` (and the
 * bare digits the key also holds). A word made only of separators keeps no such form: `-` matches a key holding
 * `-`. Computed once per query, never per row.
 */
function queryWords(query: string): { word: string; compact?: string }[] {
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const compact = word.replace(/[:.-]/g, '');
      return compact === word || compact === '' ? { word } : { word, compact };
    });
}

function matchesYesNo(filter: YesNoAll, value: boolean | undefined): boolean {
  if (filter === 'all') return true;
  if (value === undefined) return false;
  return filter === 'yes' ? value : !value;
}

/** The positions of `rows` that the filters other than the query leave, in order. */
function positionsLeft(
  rows: readonly DeviceRow[],
  filters: DeviceFilters,
  registration: (deviceId: string) => RegistrationState = () => 'unknown',
): Int32Array {
  const { modelId, category, assigned, registered } = filters;
  if (modelId === undefined && category === undefined && assigned === 'all' && registered === 'all')
    return allPositions(rows.length);
  const left: number[] = [];
  rows.forEach((row, at) => {
    if (modelId !== undefined && row.modelId !== modelId) return;
    if (category !== undefined && row.category !== category) return;
    if (!matchesYesNo(assigned, row.assigned)) return;
    if (registered !== 'all') {
      const state = registration(row.id);
      if (!matchesYesNo(registered, state === 'unknown' ? undefined : state === 'registered')) return;
    }
    left.push(at);
  });
  return Int32Array.from(left);
}

/** The positions of `among` whose row holds every word of the query. */
function positionsHolding(rows: readonly DeviceRow[], among: Int32Array, query: string): Int32Array {
  const index = keyIndexOf(rows, (row) => row.searchKey);
  return queryWords(query).reduce((left, { word, compact }) => index.holding(left, word, compact), among);
}

/**
 * Rows matching every filter, in their order. `registration` answers what is known of a device's SIP
 * registration; a device whose state is unknown matches neither "registered" nor "not registered".
 */
export function filterDeviceRows(
  rows: DeviceRow[],
  filters: DeviceFilters,
  registration: (deviceId: string) => RegistrationState = () => 'unknown',
): DeviceRow[] {
  const { query, modelId, category, assigned, registered } = filters;
  if (
    queryWords(query).length === 0 &&
    modelId === undefined &&
    category === undefined &&
    assigned === 'all' &&
    registered === 'all'
  )
    return rows;
  return itemsAt(rows, positionsHolding(rows, positionsLeft(rows, filters, registration), query));
}

/**
 * Builds the search index of `rows` and searches it once, dropping the answer: run when the list arrives and the
 * browser is idle, so the technician's first key neither builds the index nor runs the search's code for the first
 * time (the first keys on a fresh list were the slowest). The query has two words, one with a separator-free form,
 * and matches some rows, so every path of the search runs.
 */
export function warmDeviceSearch(rows: DeviceRow[]): void {
  filterDeviceRows(rows, { ...noDeviceFilters(), query: 'e 0:' });
}

/** A query the search has answered: the positions it found, and their rows. */
interface Answered {
  query: string;
  positions: Int32Array;
  found: DeviceRow[];
}

/**
 * `filterDeviceRows` for a search typed one key at a time: a query extending the last one searches only that
 * one's rows (whatever matches `bench u` matches `bench`), and erasing back to an earlier query answers its rows
 * again without searching. A result as long as the rows it was searched in answers those very rows, so a key that
 * narrows nothing leaves the table as it is. Without memory while filtering on registrations: they change with
 * no new list.
 */
export function createDeviceRowFilter(): typeof filterDeviceRows {
  let memory: {
    rows: DeviceRow[];
    modelId?: number | undefined;
    category?: string | undefined;
    assigned: YesNoAll;
  } = { rows: [], assigned: 'all' };
  /** Each query a prefix of the next; the first is '' (the rows the other filters leave). */
  let answered: Answered[] = [];
  return (rows, filters, registration) => {
    if (filters.registered !== 'all') return filterDeviceRows(rows, filters, registration);
    const { modelId, category, assigned } = filters;
    if (
      memory.rows !== rows ||
      memory.modelId !== modelId ||
      memory.category !== category ||
      memory.assigned !== assigned
    ) {
      memory = { rows, modelId, category, assigned };
      const positions = positionsLeft(rows, filters);
      answered = [
        { query: '', positions, found: positions.length === rows.length ? rows : itemsAt(rows, positions) },
      ];
    }
    const query = filters.query.toLocaleLowerCase();
    let last = answered.at(-1);
    while (last && !(last.query === query || (query.startsWith(last.query) && narrows(last.query)))) {
      answered.pop();
      last = answered.at(-1);
    }
    if (!last) throw new Error('the unfiltered rows are always remembered');
    if (last.query === query) return last.found;
    const positions = positionsHolding(rows, last.positions, query);
    const found = positions.length === last.positions.length ? last.found : itemsAt(rows, positions);
    if (answered.length === MAX_ANSWERED) answered.splice(1, 1);
    answered.push({ query, positions, found });
    return found;
  };
}

/** Queries remembered at most: a long paste must not keep a copy of the list per character. */
const MAX_ANSWERED = 32;

/**
 * Whether every row matching a query that extends `query` also matches `query`: true unless a word is only
 * separators (`-` matches a key holding `-`, while `-a` also matches a key holding only `a`).
 */
const narrows = (query: string): boolean => queryWords(query).every(({ word }) => /[^:.-]/.test(word));
