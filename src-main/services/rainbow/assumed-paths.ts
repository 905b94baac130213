import { apiPath, PROVISIONING_ROOT } from './paths';

/*
 * ASSUMED PATHS: every URL the client uses that nothing public confirms, and only those, kept here so they can be
 * corrected in one place. The reference documents the bodies of these calls but not their URLs, and the public SDK
 * does not call them (rainbow-api-notes.md, "Not confirmed anywhere public"; docs/api-fidelity.md).
 *
 * - Expansion modules: POST /cloudpbxs/:systemId/devices/:deviceId/modules, DELETE …/modules/:moduleId.
 * - Programmable keys: GET|POST|PUT /cloudpbxs/:systemId/devices/:deviceId/keys (GET and PUT take ?moduleId=N, 0 = the deskphone
 *   itself), DELETE …/keys/:keyNum?moduleId=N.
 *
 * A wrong assumption shows as a 404 or 405 from the server, which the client reports like any refused call:
 * nothing is retried or half-applied.
 */

/** ASSUMED: the expansion modules of a device, or one of them. */
export function assumedModulesPath(systemId: string, deviceId: string, ...moduleId: [] | [string]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'modules', ...moduleId);
}

/** ASSUMED: the programmable keys of a device; `keyNum` names one key (the module is a `moduleId` query). */
export function assumedKeysPath(systemId: string, deviceId: string, keyNum?: number): string {
  const rest = keyNum === undefined ? [] : [String(keyNum)];
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, 'devices', deviceId, 'keys', ...rest);
}
