import {
  isTrunkInService,
  type Ddi,
  type ExternalTrunk,
  type NumberingPlan,
  type RainbowClient,
} from '../rainbow';
import { readOutcome } from '../diagnose/read-outcome';
import type {
  AllocatedNumber,
  DdiDestination,
  DdiView,
  EmergencyNumbersView,
  NumberingPlanView,
  TrunkView,
} from './types';

export type CloudPbxViewsClient = Pick<
  RainbowClient,
  'listDdis' | 'listExternalTrunks' | 'getNumberingPlan' | 'getEmergencyNumbers'
>;

/** The numbering plan, DDIs, external trunks and emergency numbers of one CloudPBX, read-only. */
export class CloudPbxViewsService {
  readonly #client: () => CloudPbxViewsClient;

  /** `client`: the signed-in client, looked up at each call (sign-in can change it). */
  constructor(client: () => CloudPbxViewsClient) {
    this.#client = client;
  }

  async numberingPlan(systemId: string): Promise<NumberingPlanView> {
    const plan = await this.#client().getNumberingPlan(systemId);
    return { ranges: plan.ranges, allocated: allocatedNumbers(plan) };
  }

  /**
   * Each DDI with where it rings and the trunk it arrives through. Group and trunk names only enrich the list:
   * when the CloudPBX refuses them to this account, the DDIs still show, by id; other failures are reported.
   */
  async ddis(systemId: string): Promise<DdiView[]> {
    const client = this.#client();
    const [ddis, trunks, plan] = await Promise.all([
      client.listDdis(systemId),
      readOutcome(() => client.listExternalTrunks()),
      readOutcome(() => client.getNumberingPlan(systemId)),
    ]);
    const groups = plan.ok ? plan.value.allocatedNumbers.groups : [];
    const groupNames = new Map(groups.map((group) => [group.rvcpGroupId, group.groupName]));
    const trunksById = new Map((trunks.ok ? trunks.value : []).map((trunk) => [trunk.id, trunk]));
    return ddis.map((ddi) => ddiView(ddi, groupNames, trunksById));
  }

  /** The external trunks linked to this CloudPBX (the account may see those of other CloudPBXs too). */
  async trunks(systemId: string): Promise<TrunkView[]> {
    const trunks = await this.#client().listExternalTrunks();
    return trunks
      .filter((trunk) => trunk.cloudPbxs === undefined || trunk.cloudPbxs.some(({ id }) => id === systemId))
      .map(trunkView);
  }

  async emergencyNumbers(systemId: string): Promise<EmergencyNumbersView> {
    const { outgoingPrefix, emergencyNumbers } = await this.#client().getEmergencyNumbers(systemId);
    return { ...(outgoingPrefix === undefined ? {} : { outgoingPrefix }), numbers: emergencyNumbers };
  }
}

function trunkView(trunk: ExternalTrunk): TrunkView {
  const { id, name, status, description, trunkType } = trunk;
  return {
    id,
    name,
    status,
    ...(description === undefined ? {} : { description }),
    ...(trunkType === undefined ? {} : { trunkType }),
    locked: trunk.locked === true,
    inService: isTrunkInService(trunk),
  };
}

function destinationOf(ddi: Ddi, groupNames: ReadonlyMap<string, string>): DdiDestination {
  if (ddi.userId !== null && ddi.userId !== undefined) {
    return { kind: 'user', id: ddi.userId, ...(ddi.userDisplayName ? { name: ddi.userDisplayName } : {}) };
  }
  if (ddi.rvcpGroupId) {
    const name = groupNames.get(ddi.rvcpGroupId);
    return { kind: 'group', id: ddi.rvcpGroupId, ...(name === undefined ? {} : { name }) };
  }
  if (ddi.rvcpIVRId) return { kind: 'ivr', id: ddi.rvcpIVRId };
  if (ddi.rvcpAutoAttendantId) return { kind: 'auto-attendant', id: ddi.rvcpAutoAttendantId };
  return { kind: 'none' };
}

function ddiView(
  ddi: Ddi,
  groupNames: ReadonlyMap<string, string>,
  trunksById: ReadonlyMap<string, ExternalTrunk>,
): DdiView {
  const trunk = ddi.externalTrunkId === undefined ? undefined : trunksById.get(ddi.externalTrunkId);
  return {
    id: ddi.id,
    number: ddi.number,
    numberE164: ddi.numberE164,
    destination: destinationOf(ddi, groupNames),
    ...(ddi.externalTrunkId === undefined
      ? {}
      : {
          trunk:
            trunk === undefined
              ? { id: ddi.externalTrunkId }
              : { id: trunk.id, name: trunk.name, inService: isTrunkInService(trunk) },
        }),
    isCloudPbxDefault: ddi.isCloudPbxDefault === true,
  };
}

/** Subscribers, groups and devices holding a short number, in number order. */
function allocatedNumbers({ allocatedNumbers: allocated }: NumberingPlan): AllocatedNumber[] {
  return [
    ...allocated.subscribers.map((subscriber): AllocatedNumber => ({
      shortNumber: subscriber.shortNumber,
      kind: 'subscriber',
      name: subscriber.userDisplayName ?? '',
    })),
    ...allocated.groups.map((group): AllocatedNumber => ({
      shortNumber: group.shortNumber,
      kind: 'group',
      name: group.groupName,
      detail: group.type,
    })),
    ...allocated.devices.map((device): AllocatedNumber => ({
      shortNumber: device.shortNumber,
      kind: 'device',
      name: device.userDisplayName ?? '',
      detail: device.macAddress,
    })),
  ].sort((a, b) => a.shortNumber.localeCompare(b.shortNumber, undefined, { numeric: true }));
}
