/** Read-only views of one CloudPBX's telephony, as the Overview shows them (issue 11, item 3). */

/** Where a DDI rings: a user, a group, an IVR, an auto attendant, or nowhere. */
export type DdiDestination =
  | { kind: 'user'; id: string; name?: string }
  | { kind: 'group'; id: string; name?: string }
  | { kind: 'ivr'; id: string }
  | { kind: 'auto-attendant'; id: string }
  | { kind: 'none' };

export interface TrunkView {
  id: string;
  name: string;
  status: string;
  description?: string;
  trunkType?: string;
  locked: boolean;
  /** `active` and not locked: calls go through it. */
  inService: boolean;
}

export interface DdiView {
  id: string;
  number: string;
  numberE164: string;
  destination: DdiDestination;
  /** The trunk the DDI arrives through; only its id when the account cannot see that trunk. */
  trunk?: Pick<TrunkView, 'id'> & Partial<Pick<TrunkView, 'name' | 'inService'>>;
  isCloudPbxDefault: boolean;
}

export type AllocatedNumberKind = 'subscriber' | 'group' | 'device';

export interface AllocatedNumber {
  shortNumber: string;
  kind: AllocatedNumberKind;
  /** The user's display name, the group's name; empty when the number holds nobody by name. */
  name: string;
  /** A device's MAC address, a group's type. */
  detail?: string;
}

export interface NumberingPlanView {
  ranges: { first: string; last: string }[];
  allocated: AllocatedNumber[];
}

export interface EmergencyNumbersView {
  outgoingPrefix?: string;
  numbers: { number: string; description: string }[];
}
