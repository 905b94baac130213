import type { Device, DeviceCategory } from '../../services/rainbow/types';
import { pageOf, sortBy, type SortKey } from '../http/listing';
import { readBoolean, readChoiceList, readInteger, readPage, readSort, readString } from '../http/query';
import { itemEnvelope, okReply } from '../http/responses';
import type { Route, RouteContext } from '../http/router';
import type { DeviceRecord } from '../tenant/records';
import type { SimulatorTenant } from '../tenant/tenant';
import { deviceDetailView, deviceView } from '../tenant/views';
import { RVCP_BASE, requireVisibleCloudPbx, requireVisibleDevice, routeParam } from './access';
import { DEFAULT_DEVICE_CATEGORIES } from './cloudpbx-routes';
import { compactIdentifier } from '../tenant/identifier-text';

/** The device list's `category` enum (reference); its default also lists the uncategorized devices. */
const DEVICE_LIST_CATEGORIES: readonly DeviceCategory[] = ['deskphone', 'dectmobile'];

export const DEVICE_SORT_FIELDS = [
  'macAddress',
  'shortNumber',
  'description',
  'deviceTypeId',
  'deviceTypeModel',
  'userDisplayName',
] as const;
type DeviceSortField = (typeof DEVICE_SORT_FIELDS)[number];

/** SIP devices of a CloudPBX: the filtered, paged list and a single device. */
export const deviceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices`,
    access: 'bearer',
    handle: (context, session) => {
      const cloudPbx = requireVisibleCloudPbx(
        context.tenant,
        session,
        routeParam(context.params, 'systemId'),
      );
      const page = readPage(context.query);
      const sort = readSort(context.query, DEVICE_SORT_FIELDS, 'macAddress');
      // Only the page's devices are joined into their wire shape: joining all 10,000 for every page of 100
      // made listing a large site quadratic.
      const { tenant } = context;
      const sortedList = (): Readonly<DeviceRecord>[] =>
        sortBy(
          filteredDevices(context, cloudPbx.id),
          (record) => recordSortKey(tenant, record, sort.field),
          sort.order,
        );
      const listed = pageOf(
        joinsSubscribers(context.query, sort.field)
          ? sortedList()
          : reusedWhileUnchanged(tenant, `${cloudPbx.id}?${withoutPaging(context.query)}`, sortedList),
        page,
      );
      return okReply({ ...listed, data: listed.data.map((record) => deviceView(tenant, record)) });
    },
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const debug = tenant.debugSession(device.systemId, device.id);
      const view = deviceDetailView(tenant, device);
      return okReply(
        itemEnvelope(
          debug === undefined
            ? view
            : { ...view, adminUrl: debug.adminUrl, adminPassword: debug.adminPassword },
        ),
      );
    },
  },
];

/** The documented list filters, each applied only when given; the joined view is built only when one needs it. */
function filteredDevices({ query, tenant }: RouteContext, systemId: string): Readonly<DeviceRecord>[] {
  const categories = readChoiceList(query, 'category', DEVICE_LIST_CATEGORIES, DEFAULT_DEVICE_CATEGORIES);
  const assigned = readBoolean(query, 'assigned');
  const banned = readBoolean(query, 'banned');
  const phoneNumberId = readString(query, 'phoneNumberId');
  const userId = readString(query, 'userId');
  const macAddress = readString(query, 'macAddress');
  const identifier = macAddress === undefined ? undefined : compactIdentifier(macAddress);
  const shortNumber = readString(query, 'shortNumber');
  const deviceTypeId = readInteger(query, 'deviceTypeId', { min: 0 });
  const description = readString(query, 'description', { minLength: 3 })?.toLowerCase();
  const userDisplayName = readString(query, 'userDisplayName', { minLength: 2 })?.toLowerCase();

  const joinedFilters = userId !== undefined || shortNumber !== undefined || userDisplayName !== undefined;
  const passesJoined = (device: Device): boolean =>
    (userId === undefined || device.userId === userId) &&
    (shortNumber === undefined || device.shortNumber === shortNumber) &&
    (userDisplayName === undefined || (device.userDisplayName ?? '').toLowerCase().includes(userDisplayName));

  return tenant
    .readDevices(systemId)
    .filter(
      (record) =>
        categories.some((category) => category === categoryOf(tenant, record.deviceTypeId)) &&
        (assigned === undefined || (record.phoneNumberId !== undefined) === assigned) &&
        (banned === undefined || (record.bannedDevice !== undefined) === banned) &&
        (phoneNumberId === undefined || record.phoneNumberId === phoneNumberId) &&
        (identifier === undefined || record.macAddress === identifier || record.ipei === identifier) &&
        (deviceTypeId === undefined || record.deviceTypeId === deviceTypeId) &&
        (description === undefined || record.description.toLowerCase().includes(description)) &&
        (!joinedFilters || passesJoined(deviceView(tenant, record))),
    );
}

/**
 * The last list built from the devices alone (no subscriber or user joined in), per tenant: the pages of one
 * listing share it, as a database's index would serve them, until a device changes.
 */
const recordLists = new WeakMap<
  SimulatorTenant,
  { key: string; revision: number; list: Readonly<DeviceRecord>[] }
>();

function reusedWhileUnchanged(
  tenant: SimulatorTenant,
  key: string,
  build: () => Readonly<DeviceRecord>[],
): Readonly<DeviceRecord>[] {
  const cached = recordLists.get(tenant);
  if (cached?.key === key && cached.revision === tenant.devicesRevision) return cached.list;
  const list = build();
  recordLists.set(tenant, { key, revision: tenant.devicesRevision, list });
  return list;
}

const JOINED_QUERY_FILTERS = ['userId', 'shortNumber', 'userDisplayName'];

/** Whether the list depends on subscribers or users (a filter or the sort reads the joined view). */
function joinsSubscribers(query: URLSearchParams, field: DeviceSortField): boolean {
  return (
    JOINED_QUERY_FILTERS.some((name) => (query.get(name) ?? '') !== '') || !RECORD_SORT_FIELDS.has(field)
  );
}

function withoutPaging(query: URLSearchParams): string {
  const rest = new URLSearchParams(query);
  rest.delete('limit');
  rest.delete('offset');
  rest.sort();
  return rest.toString();
}

const RECORD_SORT_FIELDS: ReadonlySet<DeviceSortField> = new Set([
  'macAddress',
  'description',
  'deviceTypeId',
]);

/** The sort key of a stored device: read from the record itself unless only the joined view has it. */
function recordSortKey(
  tenant: SimulatorTenant,
  record: Readonly<DeviceRecord>,
  field: DeviceSortField,
): SortKey {
  switch (field) {
    case 'macAddress':
      return record.macAddress ?? record.ipei;
    case 'description':
      return record.description;
    case 'deviceTypeId':
      return record.deviceTypeId;
    default:
      return deviceSortKey(deviceView(tenant, record), field);
  }
}

function categoryOf(tenant: SimulatorTenant, deviceTypeId: number): string | undefined {
  return tenant.findDeviceModel(deviceTypeId)?.category;
}

/** DECT handsets have no MAC: when sorting by MAC they sort by IPEI instead. */
export function deviceSortKey(device: Device, field: DeviceSortField): SortKey {
  switch (field) {
    case 'macAddress':
      return device.macAddress ?? device.ipei;
    case 'deviceTypeId':
      return device.deviceType.id;
    case 'deviceTypeModel':
      return device.deviceType.model;
    default:
      return device[field];
  }
}
