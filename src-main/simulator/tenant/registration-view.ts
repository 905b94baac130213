import { createHash } from 'node:crypto';
import type { Registration } from '../../services/rainbow/types';
import { DECT_BASE, dectUserAgent, deskphoneUserAgent } from './phone-catalogue';
import type { ActiveRegistration } from './phones';
import type { DeviceRecord, SubscriberRecord } from './records';
import type { SimulatorTenant } from './tenant';

/** Phones REGISTER for an hour and refresh halfway, so the expiry date moves on while the clock does. */
const REGISTER_EXPIRES_MS = 3600_000;
/** A phone re-registering often asks for two minutes, and each REGISTER opens a new binding. */
const SHORT_REGISTER_EXPIRES_MS = 120_000;

/** What the phone's site does to its REGISTER. */
interface RegisterPath {
  behindSipAlg: boolean;
  reRegistersOften: boolean;
}

/** The registrations of a device right now: one while registered, none otherwise. */
export function registrationsOf(tenant: SimulatorTenant, device: DeviceRecord): Registration[] {
  const active = tenant.registration(device.systemId, device.id);
  const subscriber =
    device.phoneNumberId === undefined
      ? undefined
      : tenant.findSubscriber(device.systemId, device.phoneNumberId);
  return active === undefined || subscriber === undefined
    ? []
    : [
        registrationView(device, subscriber, active, {
          behindSipAlg: tenant.behindSipAlg(active.identifier),
          reRegistersOften: tenant.reRegistersOften(active.identifier),
        }),
      ];
}

/**
 * One entry of `GET …/devices/:deviceId/registrations`, in the reference's shape: the private address the
 * phone registers from, and the public address of the site (203.0.113.0/24, documentation range: data only).
 * Behind a SIP ALG the phone registers over UDP and the router rewrites the contact to its public address. The
 * id carries the time its binding was made: the first REGISTER, or the latest for a phone re-registering often.
 */
function registrationView(
  device: DeviceRecord,
  subscriber: SubscriberRecord,
  active: ActiveRegistration,
  { behindSipAlg, reRegistersOften }: RegisterPath,
): Registration {
  const login = subscriber.sipLogin ?? subscriber.shortNumber;
  const handset = active.kind === 'dect-handset';
  const base = handset ? (active.baseMac ?? '') : undefined;
  const { observedAt, registeredAt } = active;
  const expiresMs = reRegistersOften ? SHORT_REGISTER_EXPIRES_MS : REGISTER_EXPIRES_MS;
  const refreshedAt = observedAt - ((observedAt - registeredAt) % (expiresMs / 2));
  const boundAt = reRegistersOften ? refreshedAt : registeredAt;
  const natPort = 1024 + ((active.sipPort * 31) % 60_000);
  const publicAddress = publicAddressOf(device.systemId);
  const transport = behindSipAlg ? 'udp' : 'tls';
  const contact = behindSipAlg ? `${publicAddress}:${natPort}` : `${active.ip}:${active.sipPort}`;
  return {
    id: `uloc-${Math.floor(boundAt / 1000).toString(16)}-${device.id.slice(-6)}-1`,
    fullSipURI: `sip:${login}@${contact};transport=${transport}`,
    expirationDate: sqlDate(refreshedAt + expiresMs),
    vendor: 'ALE',
    softwareVersion: handset ? DECT_BASE.softwareVersion : active.firmware,
    macAddress: (base ?? active.identifier).toUpperCase(),
    ipei: handset ? active.identifier : undefined,
    dectVersion: handset ? DECT_BASE.dectVersion : undefined,
    user_agent:
      base !== undefined
        ? dectUserAgent(base, active.identifier)
        : active.kind === 'deskphone'
          ? deskphoneUserAgent(active.model, active.firmware, active.identifier)
          : `${active.model}/${active.firmware}`,
    publicSourceRegistration: `sip:${publicAddress}:${natPort};transport=${transport}`,
    deviceId: device.id,
  };
}

/** `2024-07-15 15:55:08`, UTC. */
function sqlDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

function publicAddressOf(systemId: string): string {
  const byte = createHash('sha256').update(systemId).digest()[0] ?? 0;
  return `203.0.113.${10 + (byte % 240)}`;
}
