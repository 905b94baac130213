import { checkReport } from '../../shared/check-ladder';
import type { AuditTrail } from '../audit/audit-trail';
import { deviceLabel } from '../devices/device-labels';
import { readIdentifier } from '../devices/device-rules';
import type { Clock, RainbowClient } from '../rainbow';
import type { Device } from '../rainbow/types';
import { deviceChecks } from './device-checks';
import type { DeclaredElsewhere, DeviceAsk, DeviceFacts, LanSighting } from './device-facts';
import { readOutcome, type ReadOutcome } from './read-outcome';
import type { DeviceDiagnosis, DeviceSubject } from './types';

export type DeviceDiagnoseClient = Pick<
  RainbowClient,
  'getDevice' | 'listDevices' | 'listSystems' | 'listDeviceRegistrations'
>;

export interface DeviceDiagnoseDeps {
  /** The signed-in client, looked up at each call (sign-in can change it). */
  client: () => DeviceDiagnoseClient;
  audit: AuditTrail;
  /** What the session's latest LAN discovery saw at this MAC (see DeviceFacts.sighting). */
  sighting: (mac: string) => LanSighting | null | undefined;
  clock: Pick<Clock, 'now'>;
}

/** As the contract carries it: a device id, or a MAC or IPEI in any notation. */
export type DeviceDiagnoseRequest =
  | { systemId: string; by: 'device'; deviceId: string }
  | { systemId: string; by: 'mac' | 'ipei'; identifier: string };

/** "Why doesn't this phone work?": reads what the CloudPBX knows of the device, then runs the ladder on it. */
export class DeviceDiagnoseService {
  readonly #deps: DeviceDiagnoseDeps;

  constructor(deps: DeviceDiagnoseDeps) {
    this.#deps = deps;
  }

  async diagnose(request: DeviceDiagnoseRequest): Promise<DeviceDiagnosis> {
    const { systemId } = request;
    const asked = askOf(request);
    const device = await this.#find(systemId, asked);
    return this.#deps.audit.record(
      {
        action: 'diagnose.device',
        systemId,
        object: {
          type: 'device',
          ...(device === undefined ? {} : { id: device.id }),
          label: device === undefined ? askedLabel(asked) : deviceLabel(device),
        },
        describeResult: (diagnosis) => ({ details: { verdict: diagnosis.verdict } }),
      },
      async () => {
        const facts = await this.#facts(systemId, asked, device);
        return checkReport(subjectOf(systemId, asked, device, facts.sighting), deviceChecks(facts));
      },
    );
  }

  async #find(systemId: string, asked: DeviceAsk): Promise<Device | undefined> {
    const client = this.#deps.client();
    if (asked.by === 'device') {
      const read = await readOutcome(() => client.getDevice(systemId, asked.deviceId));
      return read.ok ? withoutAdminPassword(read.value) : undefined;
    }
    const found = await this.#holding(systemId, asked.identifier);
    // Only the device itself tells of a debug session (`adminUrl`); the list does not.
    return found === undefined ? undefined : withoutAdminPassword(await client.getDevice(systemId, found.id));
  }

  async #holding(systemId: string, identifier: string): Promise<Device | undefined> {
    const matches = await this.#deps.client().listDevices(systemId, { macAddress: identifier });
    return matches.find(
      (device) =>
        device.macAddress?.toLowerCase() === identifier || device.ipei?.toLowerCase() === identifier,
    );
  }

  async #facts(systemId: string, asked: DeviceAsk, device: Device | undefined): Promise<DeviceFacts> {
    const client = this.#deps.client();
    const mac = macOf(asked, device);
    const facts: DeviceFacts = {
      systemId,
      asked,
      device,
      sighting: mac === undefined ? undefined : this.#deps.sighting(mac),
      now: this.#deps.clock.now(),
    };
    if (device === undefined && asked.by !== 'device') {
      facts.elsewhere = await this.#elsewhere(systemId, asked.identifier);
    }
    if (device?.phoneNumberId !== undefined) {
      facts.registrations = await readOutcome(() => client.listDeviceRegistrations(systemId, device.id));
    }
    return facts;
  }

  /** The other CloudPBXs of the account declaring this MAC or IPEI (a CloudPBX refusing the read is skipped). */
  async #elsewhere(systemId: string, identifier: string): Promise<ReadOutcome<DeclaredElsewhere[]>> {
    return readOutcome(async () => {
      const others = (await this.#deps.client().listSystems()).filter((system) => system.id !== systemId);
      const holders = await Promise.all(
        others.map(async (system) => {
          const read = await readOutcome(() => this.#holding(system.id, identifier));
          const device = read.ok ? read.value : undefined;
          return device === undefined
            ? []
            : [{ systemId: system.id, systemName: system.name, deviceId: device.id }];
        }),
      );
      return holders.flat();
    });
  }
}

/** Checked before anything is read: a MAC or IPEI that is not one is bad input, not a missing device. */
function askOf(request: DeviceDiagnoseRequest): DeviceAsk {
  if (request.by === 'device') return { by: 'device', deviceId: request.deviceId };
  return { by: request.by, identifier: readIdentifier(request.identifier, 'identifier', request.by).value };
}

/** The MAC the LAN would show: the device's, or the one asked for when no device here has it. */
function macOf(asked: DeviceAsk, device: Device | undefined): string | undefined {
  if (device !== undefined) return device.macAddress;
  return asked.by === 'mac' ? asked.identifier : undefined;
}

function askedLabel(asked: DeviceAsk): string {
  return asked.by === 'device' ? asked.deviceId : asked.identifier;
}

/** The admin password of a debug session never enters a diagnosis. */
function withoutAdminPassword(device: Device): Device {
  const { adminPassword: _secret, ...rest } = device;
  return rest;
}

function subjectOf(
  systemId: string,
  asked: DeviceAsk,
  device: Device | undefined,
  sighting: LanSighting | null | undefined,
): DeviceSubject {
  const lanModel = sighting?.model ?? undefined;
  if (device === undefined) {
    return {
      kind: 'device',
      systemId,
      ...(asked.by === 'device' ? { deviceId: asked.deviceId } : { identifier: asked.identifier }),
      ...(lanModel === undefined ? {} : { lanModel }),
    };
  }
  const identifier = device.macAddress ?? device.ipei;
  return {
    kind: 'device',
    systemId,
    deviceId: device.id,
    ...(identifier === undefined ? {} : { identifier }),
    description: device.description,
    model: device.deviceType.model,
    ...(device.shortNumber === undefined ? {} : { shortNumber: device.shortNumber }),
    ...(lanModel === undefined ? {} : { lanModel }),
  };
}
