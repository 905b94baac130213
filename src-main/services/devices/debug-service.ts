import type { AuditTrail } from '../audit/audit-trail';
import { FieldkitError } from '../errors';
import type { Redactor } from '../log/redactor';
import type { Clock, RainbowClient } from '../rainbow';
import type { Device } from '../rainbow/types';
import { deviceLabel } from './device-labels';
import type { DebugCredentials, DebugSession, DeviceActionResult } from './types';

export type DebugClient = Pick<RainbowClient, 'getDevice' | 'grantDebugSession' | 'revokeDebugSession'>;

export interface DebugServiceDeps {
  client: () => DebugClient;
  audit: AuditTrail;
  /** Learns each admin password as soon as one is read, so no log line or error can carry it. */
  redactor: Redactor;
  clock: Pick<Clock, 'now'>;
}

/**
 * Debug sessions on a phone. The admin password is read from the device only when `reveal` is asked for, handed
 * to the caller, and never logged or audited.
 */
export class DebugService {
  readonly #deps: DebugServiceDeps;

  constructor(deps: DebugServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Sends a duration only when one is asked for: the reference lets only a superadmin choose one, and gives
   * everyone else the CloudPBX's configured default.
   */
  async grant(systemId: string, deviceId: string, durationSeconds?: number): Promise<DebugSession> {
    const device = await this.#device(systemId, deviceId);
    const grantedAt = this.#deps.clock.now();
    await this.#deps.audit.record(
      {
        action: 'debug.grant',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
        details: {
          durationSeconds: durationSeconds === undefined ? 'cloudpbx-default' : String(durationSeconds),
        },
      },
      () => this.#deps.client().grantDebugSession(systemId, deviceId, durationSeconds),
    );
    const adminUrl = (await this.#device(systemId, deviceId)).adminUrl;
    return {
      deviceId,
      grantedAt: new Date(grantedAt).toISOString(),
      expiresAt:
        durationSeconds === undefined ? null : new Date(grantedAt + durationSeconds * 1000).toISOString(),
      durationSeconds: durationSeconds ?? null,
      ...(adminUrl === undefined ? {} : { adminUrl }),
    };
  }

  async reveal(systemId: string, deviceId: string): Promise<DebugCredentials> {
    const device = await this.#device(systemId, deviceId);
    return this.#deps.audit.record(
      {
        action: 'debug.reveal',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
      },
      async () => {
        if (device.adminPassword === undefined || device.adminPassword === '') {
          throw new FieldkitError({
            code: 'not-found',
            message: `No debug session is open on ${deviceLabel(device)} (or it has ended), so there is no admin password to show.`,
            hint: 'Grant a debug session first.',
          });
        }
        return {
          deviceId,
          adminPassword: device.adminPassword,
          ...(device.adminUrl === undefined ? {} : { adminUrl: device.adminUrl }),
        };
      },
    );
  }

  async revoke(systemId: string, deviceId: string): Promise<DeviceActionResult> {
    const device = await this.#device(systemId, deviceId);
    const answer = await this.#deps.audit.record(
      {
        action: 'debug.revoke',
        systemId,
        object: { type: 'device', id: deviceId, label: deviceLabel(device) },
      },
      () => this.#deps.client().revokeDebugSession(systemId, deviceId),
    );
    return { deviceId, status: answer.status ?? 'Debug session revoked.' };
  }

  /** The device as the API has it, secrets included: they are taught to the redactor before anything else. */
  async #device(systemId: string, deviceId: string): Promise<Device> {
    const device = await this.#deps.client().getDevice(systemId, deviceId);
    this.#deps.redactor.add(device.adminPassword);
    return device;
  }
}
