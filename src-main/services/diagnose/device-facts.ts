import type { Device, Registration } from '../rainbow/types';
import type { ReadOutcome } from './read-outcome';

/** How the technician named the device. */
export type DeviceAsk = { by: 'device'; deviceId: string } | { by: 'mac' | 'ipei'; identifier: string };

/** Where else in the account a device with this identifier is declared. */
export interface DeclaredElsewhere {
  systemId: string;
  systemName: string;
  deviceId: string;
}

/** What the latest LAN discovery of the session saw of the phone. */
export interface LanSighting {
  ip: string;
  model: string | null;
  firmware: string | null;
}

/** Everything the device checks read, gathered once; the checks themselves are pure. */
export interface DeviceFacts {
  systemId: string;
  asked: DeviceAsk;
  /** The device on this CloudPBX; undefined when it is not declared here. */
  device: Device | undefined;
  /** Read only when the device is not declared here and was named by MAC or IPEI. */
  elsewhere?: ReadOutcome<DeclaredElsewhere[]>;
  /** undefined: no discovery kept this session; null: the latest one did not see this MAC. */
  sighting: LanSighting | null | undefined;
  /** Read only when the device is assigned. */
  registrations?: ReadOutcome<Registration[]>;
  now: number;
}
