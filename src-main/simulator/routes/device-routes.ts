import type { Device, DeviceCategory } from '../../services/rainbow/types';
import { pageOf, sortBy, type SortKey } from '../http/listing';
import { ListingCache, lazyViews, listingKey } from '../http/listing-cache';
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
      // Each device's joined view is built only when a filter or the sort reads it, and for the page answered:
      // building all 10,000 for every page made listing them all quadratic.
      const viewOf: DeviceViews = lazyViews((record) => deviceView(context.tenant, record));
      const listing = (): readonly Readonly<DeviceRecord>[] =>
        sortBy(
          filteredDevices(context, cloudPbx.id, viewOf),
          // The default order (by MAC) reads the stored record and builds no view.
          (record) =>
            sort.field === 'macAddress'
              ? identifierSortKey(record)
              : deviceSortKey(viewOf(record), sort.field),
          sort.order,
        );
      const readsOnlyDevices =
        sort.field === 'macAddress' && !VIEW_FILTERS.some((name) => context.query.has(name));
      const { data, ...envelope } = pageOf(
        readsOnlyDevices
          ? listings.get(
              context.tenant,
              listingKey(cloudPbx.id, context.query),
              context.tenant.devicesRevision,
              listing,
            )
          : listing(),
        page,
      );
      return okReply({ data: data.map(viewOf), ...envelope });
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

type DeviceViews = (record: Readonly<DeviceRecord>) => Device;

/** Filters that read a device's subscriber or user, which can change while the devices do not. */
const VIEW_FILTERS = ['userId', 'shortNumber', 'userDisplayName'];

const listings = new ListingCache<Readonly<DeviceRecord>>();

/** The documented list filters, each applied only when given. */
function filteredDevices(
  { query, tenant }: RouteContext,
  systemId: string,
  viewOf: DeviceViews,
): Readonly<DeviceRecord>[] {
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

  return tenant
    .readDevices(systemId)
    .filter((record) => categories.some((category) => category === categoryOf(tenant, record.deviceTypeId)))
    .filter(
      (device) =>
        (assigned === undefined || (device.phoneNumberId !== undefined) === assigned) &&
        (banned === undefined || (device.bannedDevice !== undefined) === banned) &&
        (phoneNumberId === undefined || device.phoneNumberId === phoneNumberId) &&
        (userId === undefined || viewOf(device).userId === userId) &&
        (identifier === undefined || device.macAddress === identifier || device.ipei === identifier) &&
        (shortNumber === undefined || viewOf(device).shortNumber === shortNumber) &&
        (deviceTypeId === undefined || device.deviceTypeId === deviceTypeId) &&
        (description === undefined || device.description.toLowerCase().includes(description)) &&
        (userDisplayName === undefined ||
          (viewOf(device).userDisplayName ?? '').toLowerCase().includes(userDisplayName)),
    );
}

function categoryOf(tenant: SimulatorTenant, deviceTypeId: number): string | undefined {
  return tenant.findDeviceModel(deviceTypeId)?.category;
}

/** DECT handsets have no MAC: when sorting by MAC they sort by IPEI instead. */
const identifierSortKey = (device: Pick<DeviceRecord, 'macAddress' | 'ipei'>): SortKey =>
  device.macAddress ?? device.ipei;

export function deviceSortKey(device: Device, field: DeviceSortField): SortKey {
  switch (field) {
    case 'macAddress':
      return identifierSortKey(device);
    case 'deviceTypeId':
      return device.deviceType.id;
    case 'deviceTypeModel':
      return device.deviceType.model;
    default:
      return device[field];
  }
}
