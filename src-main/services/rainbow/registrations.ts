import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, Registration } from './types';

/** Current SIP registrations of one device (`GET /cloudpbxs/:systemId/devices/:deviceId/registrations`). */
export async function listDeviceRegistrations(
  api: RainbowApi,
  systemId: string,
  deviceId: string,
): Promise<Registration[]> {
  const path = apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'registrations');
  return (await api.request<ApiItem<Registration[]>>('GET', path)).data;
}

/** Current SIP registrations of every device of a subscriber. */
export async function listSubscriberRegistrations(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
): Promise<Registration[]> {
  const path = apiPath(
    PROVISIONING_ROOT,
    'cloudpbxs',
    systemId,
    'subscribers',
    phoneNumberId,
    'registrations',
  );
  return (await api.request<ApiItem<Registration[]>>('GET', path)).data;
}
