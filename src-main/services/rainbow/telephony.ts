/**
 * What reaches a subscriber and what it may do, as the provisioning API answers it (rvcp-provisioning-api.txt):
 * subscriber details, CLI and PSTN options, DDIs, group forwards, external trunks, numbering plan, emergency
 * numbers. Only the fields Fieldkit reads are typed; secrets in these answers (`password`, `jid_password`,
 * a hybrid trunk's `sipPassword`) are typed only so callers know to drop them.
 */
import { apiPath, PROVISIONING_ROOT } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { ApiItem } from './types';

/** `value`: default (the CloudPBX's), custom (set by an admin) or disabled. */
export interface SubscriberOverflow {
  value: string;
  noReplyDelay?: number;
}

export interface BarringOptions {
  permissions: string;
  restrictions: string;
}

export interface SubscriberDetails {
  id: string;
  shortNumber: string;
  internalNumber?: string;
  numberE164?: string;
  userId?: string;
  systemId: string;
  status?: string;
  overflowToVoicemail?: SubscriberOverflow;
  barringOptions?: BarringOptions;
  cliOptions?: { policy: string; numberE164?: string };
  password?: string;
  jid_password?: string;
}

export interface SubscriberCliOptions {
  policy: string;
  numberE164?: string | null;
  /** The CloudPBX policy `company_policy` stands for. */
  companyPolicy?: string;
}

export interface PstnDeviceOptions {
  policy: string;
  numberE164: string | null;
}

export interface Ddi {
  id: string;
  number: string;
  numberE164: string;
  userId: string | null;
  userDisplayName?: string;
  rvcpGroupId?: string | null;
  rvcpIVRId?: string | null;
  rvcpAutoAttendantId?: string | null;
  externalTrunkId?: string;
  isCloudPbxDefault?: boolean;
  welcomeName?: string;
}

export interface GroupForwards {
  name: string;
  groupForwards: {
    type: string;
    activate: boolean;
    noReplyDelay?: number;
    destinationType?: string;
    name?: string;
  }[];
}

export interface ExternalTrunk {
  id: string;
  name: string;
  status: string;
  description?: string;
  trunkType?: string;
  locked?: boolean;
  callForkingToPstnNumber?: boolean;
  cloudPbxs?: { id: string; name: string }[];
}

export interface NumberingPlan {
  ranges: { first: string; last: string }[];
  allocatedNumbers: {
    subscribers: { shortNumber: string; userId?: string; userDisplayName?: string }[];
    groups: { rvcpGroupId: string; groupName: string; type: string; shortNumber: string }[];
    devices: { shortNumber: string; userId?: string; macAddress: string; userDisplayName?: string }[];
  };
}

export interface EmergencyNumbers {
  emergencyOptions?: { callAuthorizationWithSoftPhone?: boolean; emergencyGroupActivated?: boolean };
  outgoingPrefix?: string;
  emergencyNumbers: { number: string; description: string }[];
}

/** A trunk carries calls only when it is `active` and not locked. */
export function isTrunkInService(trunk: ExternalTrunk): boolean {
  return trunk.status === 'active' && trunk.locked !== true;
}

function cloudPbxPath(systemId: string, ...rest: string[]): string {
  return apiPath(PROVISIONING_ROOT, 'cloudpbxs', systemId, ...rest);
}

async function item<T>(api: RainbowApi, path: string): Promise<T> {
  return (await api.request<ApiItem<T>>('GET', path)).data;
}

/** One subscriber's details; its SIP and XMPP passwords are dropped here. */
export async function getSubscriber(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
): Promise<SubscriberDetails> {
  const details = await item<SubscriberDetails>(api, cloudPbxPath(systemId, 'subscribers', phoneNumberId));
  const { password: _sip, jid_password: _xmpp, ...rest } = details;
  return rest;
}

export function getSubscriberCliOptions(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
): Promise<SubscriberCliOptions> {
  return item(api, cloudPbxPath(systemId, 'subscribers', phoneNumberId, 'cli-options'));
}

export function getPstnDeviceOptions(
  api: RainbowApi,
  systemId: string,
  phoneNumberId: string,
): Promise<PstnDeviceOptions> {
  return item(api, cloudPbxPath(systemId, 'subscribers', phoneNumberId, 'pstn-device-options'));
}

/** Every DDI of the CloudPBX, all pages. */
export function listDdis(api: RainbowApi, systemId: string): Promise<Ddi[]> {
  return api.listAll<Ddi>(cloudPbxPath(systemId, 'phone-numbers', 'ddi'));
}

export function getGroupForwards(api: RainbowApi, systemId: string, groupId: string): Promise<GroupForwards> {
  return item(api, cloudPbxPath(systemId, 'groups', groupId, 'forwards'));
}

/** The external SIP trunks the account may see (a company admin: those of its CloudPBXs), all pages. */
export function listExternalTrunks(api: RainbowApi): Promise<ExternalTrunk[]> {
  return api.listAll<ExternalTrunk>(apiPath(PROVISIONING_ROOT, 'external-trunks'));
}

export function getNumberingPlan(api: RainbowApi, systemId: string): Promise<NumberingPlan> {
  return item(api, cloudPbxPath(systemId, 'numbering-plan'));
}

export function getEmergencyNumbers(api: RainbowApi, systemId: string): Promise<EmergencyNumbers> {
  return item(api, cloudPbxPath(systemId, 'emergency-numbers'));
}

/** The telephony fields of a CloudPBX's `cloudpbx` settings (`GET /cloudpbxs/:systemId`). */
export interface CloudPbxTelephonySettings {
  installationNumber?: string;
  externalTrunkId?: string;
  overflowSubscribersToVoicemail?: {
    activate?: boolean;
    noReplyDelay?: number;
    activateUnavailableOverflow?: boolean;
  };
  barringOptions?: BarringOptions;
  cliOptions?: { policy?: string };
  callForwardOptions?: { externalCallForward?: string };
  callForkingToPstnNumber?: string;
}
