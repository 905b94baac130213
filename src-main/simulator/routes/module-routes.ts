import { ApiError, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import { deviceDetailView } from '../tenant/views';
import { RVCP_BASE, requireVisibleDevice, routeParam } from './access';
import { readExpansionModule } from './device-body';

/**
 * ASSUMED PATHS: the reference documents the expansion-module bodies but not their URLs, and no public source
 * confirms them (rainbow-api-notes.md, "Not confirmed anywhere public"). These two are the notes' assumption,
 * kept here and nowhere else. The success answer of the removal is not documented either: it answers the
 * `{ status, data: [] }` action envelope the other removals use.
 */
const MODULES = `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId/modules`;
const ONE_MODULE = `${MODULES}/:moduleId`;

export const moduleRoutes: Route[] = [
  {
    method: 'POST',
    pattern: MODULES,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const updated = tenant.addModule(device.systemId, device.id, readExpansionModule(body));
      return okReply(itemEnvelope(deviceDetailView(tenant, updated)));
    },
  },
  {
    method: 'DELETE',
    pattern: ONE_MODULE,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const text = routeParam(params, 'moduleId');
      if (!/^\d+$/.test(text)) throw ApiError.badRequest(`Module id '${text}' must be a number`);
      tenant.removeModule(device.systemId, device.id, Number(text));
      return okReply(
        itemEnvelope([], `Expansion module ${text} successfully removed from device ${device.id}`),
      );
    },
  },
];
