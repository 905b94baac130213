import type { Session } from '../auth/token-authority';
import { ApiError, ERROR_DETAILS_CODES } from '../http/responses';
import type { CloudPbxRecord, DeviceRecord, SubscriberRecord } from '../tenant/records';
import type { SimulatorTenant } from '../tenant/tenant';

/** Paths of the provisioning (RVCP) API and of the admin API. */
export const RVCP_BASE = '/api/rainbow/rvcpprovisioning/v1.0';
export const ADMIN_BASE = '/api/rainbow/admin/v1.0';

/** The CloudPBX a path names: 404 when unknown, 403 when it belongs to another company than the caller's. */
export function requireVisibleCloudPbx(
  tenant: SimulatorTenant,
  session: Session,
  systemId: string,
): Readonly<CloudPbxRecord> {
  // The stored record, not a copy (read on every request): routes change the tenant only through its methods.
  const cloudPbx = tenant.readCloudPbx(systemId);
  if (cloudPbx === undefined) {
    throw new ApiError(404, `CloudPBX ${systemId} not found`, ERROR_DETAILS_CODES.cloudPbxNotFound);
  }
  if (cloudPbx.companyId !== session.user.companyId) {
    throw new ApiError(
      403,
      `User ${session.user.loginEmail} is not allowed to access CloudPBX ${systemId}`,
      ERROR_DETAILS_CODES.systemOfAnotherCompany,
    );
  }
  return cloudPbx;
}

export function routeParam(params: Readonly<Record<string, string>>, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`Route pattern has no :${name}`);
  return value;
}

/** A device of a visible CloudPBX, or the 404 the API answers. */
export function requireVisibleDevice(
  tenant: SimulatorTenant,
  session: Session,
  params: Readonly<Record<string, string>>,
): DeviceRecord {
  const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
  const deviceId = routeParam(params, 'deviceId');
  const device = tenant.findDevice(cloudPbx.id, deviceId);
  if (device === undefined) {
    throw new ApiError(404, `SIP device ${deviceId} not found`, ERROR_DETAILS_CODES.deviceNotFound);
  }
  return device;
}

/** A subscriber of a visible CloudPBX, or the 404 the API answers. */
export function requireVisibleSubscriber(
  tenant: SimulatorTenant,
  session: Session,
  params: Readonly<Record<string, string>>,
): SubscriberRecord {
  const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
  const phoneNumberId = routeParam(params, 'phoneNumberId');
  const subscriber = tenant.findSubscriber(cloudPbx.id, phoneNumberId);
  if (subscriber === undefined) {
    throw new ApiError(
      404,
      `Cloud PBX Subscriber ${phoneNumberId} not found`,
      ERROR_DETAILS_CODES.subscriberNotFound,
    );
  }
  return subscriber;
}
