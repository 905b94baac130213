import type { Device } from '../../services/rainbow/types';
import { pageOf, sortBy, type SortKey } from '../http/listing';
import { readBoolean, readChoiceList, readInteger, readPage, readSort, readString } from '../http/query';
import { ApiError, ERROR_DETAILS_CODES, itemEnvelope, okReply } from '../http/responses';
import type { Route, RouteContext } from '../http/router';
import type { SimulatorTenant } from '../tenant/tenant';
import { deviceDetailView, deviceView } from '../tenant/views';
import { RVCP_BASE, requireVisibleCloudPbx, routeParam } from './access';
import { DEFAULT_DEVICE_CATEGORIES, DEVICE_CATEGORIES } from './cloudpbx-routes';

const DEVICE_SORT_FIELDS = [
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
      const devices = filteredDevices(context, cloudPbx.id);
      return okReply(
        pageOf(
          sortBy(devices, (device) => deviceSortKey(device, sort.field), sort.order),
          page,
        ),
      );
    },
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const deviceId = routeParam(params, 'deviceId');
      const device = tenant.findDevice(cloudPbx.id, deviceId);
      if (device === undefined) {
        throw new ApiError(404, `SIP device ${deviceId} not found`, ERROR_DETAILS_CODES.deviceNotFound);
      }
      return okReply(itemEnvelope(deviceDetailView(tenant, device)));
    },
  },
];

/** The documented list filters, each applied only when given. */
function filteredDevices({ query, tenant }: RouteContext, systemId: string): Device[] {
  const categories = readChoiceList(query, 'category', DEVICE_CATEGORIES, DEFAULT_DEVICE_CATEGORIES);
  const assigned = readBoolean(query, 'assigned');
  const banned = readBoolean(query, 'banned');
  const phoneNumberId = readString(query, 'phoneNumberId');
  const userId = readString(query, 'userId');
  const identifier = normaliseIdentifier(readString(query, 'macAddress'));
  const shortNumber = readString(query, 'shortNumber');
  const deviceTypeId = readInteger(query, 'deviceTypeId', { min: 0 });
  const description = readString(query, 'description', { minLength: 3 })?.toLowerCase();
  const userDisplayName = readString(query, 'userDisplayName', { minLength: 2 })?.toLowerCase();

  return tenant
    .listDevices(systemId)
    .filter((record) => categories.some((category) => category === categoryOf(tenant, record.deviceTypeId)))
    .map((record) => deviceView(tenant, record))
    .filter(
      (device) =>
        (assigned === undefined || (device.phoneNumberId !== undefined) === assigned) &&
        (banned === undefined || (device.bannedDevice !== undefined) === banned) &&
        (phoneNumberId === undefined || device.phoneNumberId === phoneNumberId) &&
        (userId === undefined || device.userId === userId) &&
        (identifier === undefined || device.macAddress === identifier || device.ipei === identifier) &&
        (shortNumber === undefined || device.shortNumber === shortNumber) &&
        (deviceTypeId === undefined || device.deviceType.id === deviceTypeId) &&
        (description === undefined || device.description.toLowerCase().includes(description)) &&
        (userDisplayName === undefined ||
          (device.userDisplayName ?? '').toLowerCase().includes(userDisplayName)),
    );
}

function categoryOf(tenant: SimulatorTenant, deviceTypeId: number): string | undefined {
  return tenant.findDeviceModel(deviceTypeId)?.category;
}

/**
 * The API stores MACs and IPEIs as lowercase hex without separators. Accepting `48:7A:55:…` as well is an
 * assumption (the reference does not say), made so lookups by a MAC read off a label still match.
 */
function normaliseIdentifier(value: string | undefined): string | undefined {
  return value?.replace(/[\s:.-]/g, '').toLowerCase();
}

/** DECT handsets have no MAC: when sorting by MAC they sort by IPEI instead. */
function deviceSortKey(device: Device, field: DeviceSortField): SortKey {
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
