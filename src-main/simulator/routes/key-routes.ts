import { bodyObject, optionalString, requiredInteger, requiredString, type JsonObject } from '../http/body';
import { readInteger } from '../http/query';
import { ApiError, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import { deviceKeysView } from '../tenant/key-views';
import type { NewKey } from '../tenant/records';
import { RVCP_BASE, requireVisibleDevice, routeParam } from './access';

/*
 * ASSUMED PATHS: the reference documents the programmable-key bodies but not their URLs (rainbow-api-notes.md,
 * "Not confirmed anywhere public"). These are the notes' assumption: GET, POST and PUT on …/keys (GET and PUT
 * take ?moduleId=N, 0 = the deskphone), DELETE …/keys/:keyNum?moduleId=N.
 */
const KEYS = `${RVCP_BASE}/cloudpbxs/:systemId/devices/:deviceId/keys`;
const ONE_KEY = `${KEYS}/:keyNum`;
const MODULE_BOUNDS = { min: 0, max: 3 };

/** One key of a creation or replace body. `keyOwner` may be sent as `admin` only. */
function readKey(fields: JsonObject, moduleId: number): NewKey {
  const owner = optionalString(fields, 'keyOwner');
  if (owner !== undefined && owner !== 'admin') {
    throw ApiError.badRequest(`Field 'keyOwner' must be admin: ${owner} keys are not created by this API`);
  }
  const key: NewKey = {
    moduleId,
    keyNum: requiredInteger(fields, 'keyNum'),
    keyType: requiredString(fields, 'keyType'),
    displayName: optionalString(fields, 'displayName'),
    number: optionalString(fields, 'number'),
    phoneNumberId: optionalString(fields, 'phoneNumberId'),
    groupId: optionalString(fields, 'groupId'),
  };
  return Object.fromEntries(Object.entries(key).filter(([, value]) => value !== undefined)) as NewKey;
}

function readModuleField(fields: JsonObject): number {
  if (fields['moduleId'] === undefined || fields['moduleId'] === null) return 0;
  const moduleId = requiredInteger(fields, 'moduleId');
  if (moduleId < MODULE_BOUNDS.min || moduleId > MODULE_BOUNDS.max) {
    throw ApiError.badRequest(`Field 'moduleId' must be 0 to 3`);
  }
  return moduleId;
}

function readKeyList(body: unknown): JsonObject[] {
  const keys = bodyObject(body)['keys'];
  if (!Array.isArray(keys)) throw ApiError.badRequest(`Field 'keys' must be an array`);
  return keys.map((key: unknown) => bodyObject(key));
}

export const keyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: KEYS,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const moduleId = readInteger(query, 'moduleId', MODULE_BOUNDS);
      return okReply(itemEnvelope(deviceKeysView(tenant, device, moduleId)));
    },
  },
  {
    method: 'POST',
    pattern: KEYS,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const fields = bodyObject(body);
      const key = tenant.createKey(device.systemId, device.id, readKey(fields, readModuleField(fields)));
      const view = deviceKeysView(tenant, device, key.moduleId).keys.find((k) => k.keyNum === key.keyNum);
      return okReply(
        itemEnvelope(view, `SIP Device key ${key.keyNum} successfully created on device ${device.id}`),
      );
    },
  },
  {
    method: 'PUT',
    pattern: KEYS,
    access: 'bearer',
    handle: ({ params, query, body, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const moduleId = readInteger(query, 'moduleId', MODULE_BOUNDS) ?? 0;
      const keys = readKeyList(body).map((fields) => readKey(fields, moduleId));
      tenant.replaceKeys(device.systemId, device.id, moduleId, keys);
      return okReply(itemEnvelope(deviceKeysView(tenant, device, moduleId)));
    },
  },
  {
    method: 'DELETE',
    pattern: ONE_KEY,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const device = requireVisibleDevice(tenant, session, params);
      const text = routeParam(params, 'keyNum');
      if (!/^\d+$/.test(text)) throw ApiError.badRequest(`Key number '${text}' must be a number`);
      const moduleId = readInteger(query, 'moduleId', MODULE_BOUNDS) ?? 0;
      const before = deviceKeysView(tenant, device, moduleId).keys.find((k) => k.keyNum === Number(text));
      tenant.deleteKey(device.systemId, device.id, moduleId, Number(text));
      return okReply(
        itemEnvelope(before, `SIP Device key ${text} successfully deleted on device ${device.id}`),
      );
    },
  },
];
