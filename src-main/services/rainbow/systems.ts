import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem, CloudPbx } from './types';

/** Every CloudPBX the account can see (`GET /cloudpbxs`, all pages). */
export async function listSystems(api: RainbowApi, options: { pageSize?: number } = {}): Promise<CloudPbx[]> {
  const systems = await api.listAll<CloudPbx>(apiPath(PROVISIONING_ROOT, 'cloudpbxs'), {}, options.pageSize);
  return systems.map(withoutSecrets);
}

/** One CloudPBX (`GET /cloudpbxs/:systemId`). */
export async function getSystem(api: RainbowApi, systemId: string): Promise<CloudPbx> {
  const answer = await api.request<ApiItem<CloudPbx>>(
    'GET',
    apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId),
  );
  return withoutSecrets(answer.data);
}

/**
 * A CloudPBX carries its SIP trunk and PBX agent passwords. A technician's tool never needs them, so they are
 * dropped here, before anything can log, print or show them.
 */
export function withoutSecrets(system: CloudPbx): CloudPbx {
  const { jid_pbxagent_password: _agent, jid_pbxpcg_password: _pcg, ...rest } = system;
  const peer = rest.cloudpbx?.peerAuthenticationOptions;
  if (!rest.cloudpbx || peer === null || typeof peer !== 'object') return rest;
  const { password: _peer, ...peerAuthenticationOptions } = peer as Record<string, unknown>;
  return { ...rest, cloudpbx: { ...rest.cloudpbx, peerAuthenticationOptions } };
}
