import { itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import { deviceDetailView } from '../tenant/views';
import { RVCP_BASE, requireVisibleCloudPbx, requireVisibleDevice, routeParam } from './access';
import { readDevicePatch, readNewDevice } from './device-body';

/**
 * Creating, updating (including the MAC swap) and deleting SIP devices. Creation answers 200 like every other
 * call here: the reference shows bodies, not status codes (assumption).
 */
export const deviceWriteRoutes: Route[] = [
  {
    method: 'POST',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices`,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const device = tenant.addDevice(readNewDevice(cloudPbx.id, body));
      return okReply(itemEnvelope(deviceDetailView(tenant, device)));
    },
  },
  {
    method: 'PUT',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const updated = tenant.updateDevice(device.systemId, device.id, readDevicePatch(body));
      return okReply(itemEnvelope(deviceDetailView(tenant, updated)));
    },
  },
  {
    method: 'DELETE',
    pattern: `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      tenant.removeDevice(device.systemId, device.id);
      return okReply(itemEnvelope([], `SIP device ${device.id} successfully deleted`));
    },
  },
];
