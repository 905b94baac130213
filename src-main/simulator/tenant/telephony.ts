/**
 * The telephony around the subscribers, as the reference shows it: DDIs and where they go, hunting groups and
 * their forwards, external SIP trunks and their status, emergency numbers. The API only reads them; test and
 * demo controls change them as an administrator or the business partner would.
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

/** Read access for the routes; copies out, so only the controls change the seed. */
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

  /** Test and demo control: the administrator points a DDI at a user, or at a group. */
  routeDdi(numberE164: string, to: { userId: string } | { rvcpGroupId: string }): void {
    const ddi = this.#seed.ddis.find((candidate) => candidate.numberE164 === numberE164);
    if (ddi === undefined) throw new RangeError(`No DDI ${numberE164}`);
    delete ddi.userId;
    delete ddi.rvcpGroupId;
    Object.assign(ddi, to);
  }

  /** Test and demo control: the business partner activates and unlocks a trunk (or takes it out of service). */
  setTrunkState(trunkId: string, state: Pick<ExternalTrunkRecord, 'status' | 'locked'>): void {
    const trunk = this.#seed.trunks.find((candidate) => candidate.id === trunkId);
    if (trunk === undefined) throw new RangeError(`No trunk ${trunkId}`);
    Object.assign(trunk, state);
  }

  emergencyNumbers(systemId: string): EmergencyNumber[] {
    return structuredClone(this.#seed.emergencyNumbers[systemId] ?? []);
  }
}
