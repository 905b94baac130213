/**
 * The telephony around the subscribers, as the reference shows it: DDIs and where they go, hunting groups and
 * their forwards, external SIP trunks and their status, emergency numbers. Read-only in the simulator.
 */

export interface DdiRecord {
  id: string;
  systemId: string;
  /** National form, e.g. `0478980110`. */
  number: string;
  numberE164: string;
  /** Where calls to it go: a user, or a group; neither when unassigned. */
  userId?: string;
  rvcpGroupId?: string;
  externalTrunkId: string;
  isCloudPbxDefault: boolean;
  creationDate: string;
}

export interface GroupForward {
  type: 'immediate' | 'overflow';
  activate: boolean;
  noReplyDelay?: number;
  destinationType?: string;
  name?: string;
}

export interface GroupRecord {
  id: string;
  systemId: string;
  name: string;
  type: 'hunting_group';
  shortNumber: string;
  forwards: GroupForward[];
}

export interface ExternalTrunkRecord {
  id: string;
  name: string;
  /** `active` carries calls; the reference's other status is `new` (not in service yet). */
  status: string;
  description: string;
  trunkType: 'bp_trunk' | 'hybrid_trunk';
  locked: boolean;
  callForkingToPstnNumber: boolean;
  /** The CloudPBXs linked to it. */
  cloudPbxIds: string[];
}

export interface EmergencyNumber {
  number: string;
  description: string;
}

export interface TelephonySeed {
  ddis: DdiRecord[];
  groups: GroupRecord[];
  trunks: ExternalTrunkRecord[];
  /** Per CloudPBX id. */
  emergencyNumbers: Record<string, EmergencyNumber[]>;
}

export const NO_TELEPHONY: TelephonySeed = { ddis: [], groups: [], trunks: [], emergencyNumbers: {} };

/** Read access for the routes; copies out, so nothing outside changes the seed. */
export class Telephony {
  readonly #seed: TelephonySeed;

  constructor(seed: TelephonySeed) {
    this.#seed = structuredClone(seed);
  }

  ddis(systemId: string): DdiRecord[] {
    return this.#seed.ddis.filter((ddi) => ddi.systemId === systemId).map((ddi) => ({ ...ddi }));
  }

  groups(systemId: string): GroupRecord[] {
    return this.#seed.groups.filter((group) => group.systemId === systemId).map((g) => structuredClone(g));
  }

  group(systemId: string, groupId: string): GroupRecord | undefined {
    return this.groups(systemId).find((group) => group.id === groupId);
  }

  trunks(): ExternalTrunkRecord[] {
    return structuredClone(this.#seed.trunks);
  }

  emergencyNumbers(systemId: string): EmergencyNumber[] {
    return structuredClone(this.#seed.emergencyNumbers[systemId] ?? []);
  }
}
