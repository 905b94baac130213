import { pageOf, sortBy } from '../http/listing';
import { bodyObject, optionalString } from '../http/body';
import { readPage, readSort } from '../http/query';
import { ApiError, ERROR_DETAILS_CODES, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import type { DeviceRecord, SubscriberRecord } from '../tenant/records';
import { registrationsOf } from '../tenant/registration-view';
import type { SimulatorTenant } from '../tenant/tenant';
import { deviceDetailView } from '../tenant/views';
import { RVCP_BASE, requireVisibleSubscriber, routeParam } from './access';
import { DEVICE_SORT_FIELDS, deviceSortKey } from './device-routes';
import { compactIdentifier } from '../tenant/identifier-text';

const SUBSCRIBER = `${RVCP_BASE}/cloudpbxs/:systemId/subscribers/:phoneNumberId`;

/** The devices of one subscriber: list, assign, read, unassign, and their SIP registrations. */
export const subscriberDeviceRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${SUBSCRIBER}/devices`,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      const page = readPage(query);
      const sort = readSort(query, DEVICE_SORT_FIELDS, 'shortNumber');
      const devices = devicesOf(tenant, subscriber).map((device) => deviceDetailView(tenant, device));
      return okReply(
        pageOf(
          sortBy(devices, (device) => deviceSortKey(device, sort.field), sort.order),
          page,
        ),
      );
    },
  },
  {
    method: 'POST',
    pattern: `${SUBSCRIBER}/devices`,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      const device = deviceToAssign(tenant, subscriber.systemId, body);
      const assigned = tenant.assignDevice(subscriber.systemId, device.id, subscriber.id);
      return okReply(itemEnvelope(deviceDetailView(tenant, assigned)));
    },
  },
  {
    method: 'GET',
    pattern: `${SUBSCRIBER}/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      return okReply(itemEnvelope(deviceDetailView(tenant, assignedDevice(tenant, subscriber, params))));
    },
  },
  {
    method: 'DELETE',
    pattern: `${SUBSCRIBER}/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      const device = assignedDevice(tenant, subscriber, params);
      tenant.unassignDevice(subscriber.systemId, device.id);
      return okReply(itemEnvelope([], `SIP device association for ${device.id} successfully deleted`));
    },
  },
  {
    method: 'GET',
    pattern: `${SUBSCRIBER}/registrations`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      return okReply({
        data: devicesOf(tenant, subscriber).flatMap((device) => registrationsOf(tenant, device)),
      });
    },
  },
];

function devicesOf(tenant: SimulatorTenant, subscriber: SubscriberRecord): DeviceRecord[] {
  return tenant.listDevices(subscriber.systemId).filter((device) => device.phoneNumberId === subscriber.id);
}

/** A device of the subscriber's CloudPBX assigned to this subscriber, or 404. */
function assignedDevice(
  tenant: SimulatorTenant,
  subscriber: SubscriberRecord,
  params: Readonly<Record<string, string>>,
): DeviceRecord {
  const deviceId = routeParam(params, 'deviceId');
  const device = tenant.findDevice(subscriber.systemId, deviceId);
  if (device?.phoneNumberId !== subscriber.id) {
    throw new ApiError(
      404,
      `SIP device ${deviceId} is not assigned to Cloud PBX Subscriber ${subscriber.id}`,
      ERROR_DETAILS_CODES.deviceNotFound,
    );
  }
  return device;
}

/**
 * `{ deviceId }` (preferred, and used when both are given) or `{ macAddress }`. A `macAddress` holding an IPEI
 * finds a DECT handset, like the device list's `macAddress` filter (assumption).
 */
function deviceToAssign(tenant: SimulatorTenant, systemId: string, body: unknown): DeviceRecord {
  const fields = bodyObject(body);
  const deviceId = optionalString(fields, 'deviceId');
  const macAddress = optionalString(fields, 'macAddress');
  if (deviceId === undefined && macAddress === undefined) {
    throw ApiError.badRequest(`Either 'deviceId' or 'macAddress' is required`);
  }
  const device =
    deviceId !== undefined
      ? tenant.findDevice(systemId, deviceId)
      : tenant.findDeviceByIdentifier(systemId, compactIdentifier(macAddress ?? ''));
  if (device === undefined) {
    throw new ApiError(
      404,
      `SIP device ${deviceId ?? macAddress ?? ''} not found in CloudPBX ${systemId}`,
      ERROR_DETAILS_CODES.deviceNotFound,
    );
  }
  return device;
}
