import { pageOf, sortBy } from '../http/listing';
import { readBoolean, readPage, readString } from '../http/query';
import { ApiError, itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import type { CloudPbxRecord, SubscriberRecord } from '../tenant/records';
import type { DdiRecord } from '../tenant/telephony';
import type { SimulatorTenant } from '../tenant/tenant';
import { RVCP_BASE, requireVisibleCloudPbx, requireVisibleSubscriber, routeParam } from './access';

const CLOUD_PBX = `${RVCP_BASE}/cloudpbxs/:systemId`;
const SUBSCRIBER = `${CLOUD_PBX}/subscribers/:phoneNumberId`;

/** DDIs, numbering plan, emergency numbers, group forwards, external trunks, subscriber CLI and PSTN options. */
export const telephonyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${CLOUD_PBX}/phone-numbers/ddi`,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const page = readPage(query);
      const toUser = readBoolean(query, 'isAssignedToUser');
      const toGroup = readBoolean(query, 'isAssignedToGroup');
      const assigned = readBoolean(query, 'isAssigned');
      const startWith = readString(query, 'numberE164StartWith');
      const ddis = tenant.telephony
        .ddis(cloudPbx.id)
        .filter((ddi) => toUser === undefined || (ddi.userId !== undefined) === toUser)
        .filter((ddi) => toGroup === undefined || (ddi.rvcpGroupId !== undefined) === toGroup)
        .filter(
          (ddi) =>
            assigned === undefined ||
            (ddi.userId !== undefined || ddi.rvcpGroupId !== undefined) === assigned,
        )
        .filter((ddi) => startWith === undefined || ddi.numberE164.startsWith(startWith))
        .map((ddi) => ddiView(tenant, cloudPbx, ddi));
      return okReply(
        pageOf(
          sortBy(ddis, (ddi) => ddi.number, 1),
          page,
        ),
      );
    },
  },
  {
    method: 'GET',
    pattern: `${CLOUD_PBX}/numbering-plan`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      return okReply(itemEnvelope(numberingPlanView(tenant, cloudPbx)));
    },
  },
  {
    method: 'GET',
    pattern: `${CLOUD_PBX}/emergency-numbers`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      return okReply(
        itemEnvelope({
          emergencyOptions: cloudPbx.cloudpbx.emergencyOptions,
          outgoingPrefix: cloudPbx.cloudpbx.outgoingPrefix,
          emergencyNumbers: tenant.telephony.emergencyNumbers(cloudPbx.id),
        }),
      );
    },
  },
  {
    method: 'GET',
    pattern: `${CLOUD_PBX}/groups/:groupId/forwards`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const groupId = routeParam(params, 'groupId');
      const group = tenant.telephony.group(cloudPbx.id, groupId);
      if (group === undefined) throw new ApiError(404, `Group ${groupId} not found`, 404000);
      return okReply(itemEnvelope({ name: group.name, groupForwards: group.forwards }));
    },
  },
  {
    method: 'GET',
    pattern: `${RVCP_BASE}/external-trunks`,
    access: 'bearer',
    handle: ({ query, tenant }, session) => {
      const page = readPage(query);
      const status = readString(query, 'status');
      const own = new Set(
        tenant
          .listCloudPbxs()
          .filter((cloudPbx) => cloudPbx.companyId === session.user.companyId)
          .map((cloudPbx) => cloudPbx.id),
      );
      // A company_admin "obtains only a sum up of the Trunk he is using on its own CloudPBX" (reference).
      const trunks = tenant.telephony
        .trunks()
        .filter((trunk) => trunk.cloudPbxIds.some((id) => own.has(id)))
        .filter((trunk) => status === undefined || trunk.status === status)
        .map(({ cloudPbxIds, ...trunk }) => ({
          ...trunk,
          cloudPbxs: cloudPbxIds
            .filter((id) => own.has(id))
            .map((id) => ({ id, name: tenant.findCloudPbx(id)?.name ?? id })),
        }));
      return okReply(
        pageOf(
          sortBy(trunks, (trunk) => trunk.name, 1),
          page,
        ),
      );
    },
  },
  {
    method: 'GET',
    pattern: `${SUBSCRIBER}/cli-options`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      return okReply(itemEnvelope(cliOptionsView(tenant, subscriber)));
    },
  },
  {
    method: 'GET',
    pattern: `${SUBSCRIBER}/pstn-device-options`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      return okReply(
        itemEnvelope(subscriber.pstnDeviceOptions ?? { policy: 'company_policy', numberE164: null }),
      );
    },
  },
];

function ddiView(tenant: SimulatorTenant, cloudPbx: CloudPbxRecord, ddi: DdiRecord) {
  const user = ddi.userId === undefined ? undefined : tenant.findUser(ddi.userId);
  return {
    deviceName: 'Cloud PBX DDI number',
    type: 'work',
    deviceType: 'landline',
    isVisibleByOthers: true,
    isMonitored: false,
    userId: ddi.userId ?? null,
    number: ddi.number,
    systemId: ddi.systemId,
    isCloudPbxDefault: ddi.isCloudPbxDefault,
    externalTrunkId: ddi.externalTrunkId,
    pbxId: cloudPbx.pbxId,
    country: cloudPbx.country,
    numberE164: ddi.numberE164,
    isCloudPbxDDI: true,
    creationDate: ddi.creationDate,
    rvcpIVRId: null,
    rvcpGroupId: ddi.rvcpGroupId ?? null,
    rvcpAutoAttendantId: null,
    id: ddi.id,
    ...(user === undefined ? {} : { userDisplayName: user.displayName }),
  };
}

/** Ranges from the numbering prefixes and digits; allocated numbers are the subscribers, groups and devices. */
function numberingPlanView(tenant: SimulatorTenant, cloudPbx: CloudPbxRecord) {
  const { numberingPrefix, numberingDigits } = cloudPbx.cloudpbx;
  const rest = numberingDigits - numberingPrefix.length;
  const subscribers = tenant.listSubscribers(cloudPbx.id);
  const devices = tenant.listDevices(cloudPbx.id);
  const displayName = (userId: string | undefined) =>
    userId === undefined ? undefined : tenant.findUser(userId)?.displayName;
  return {
    ranges: [
      { first: `${numberingPrefix}${'0'.repeat(rest)}`, last: `${numberingPrefix}${'9'.repeat(rest)}` },
    ],
    allocatedNumbers: {
      subscribers: subscribers.map((s) => ({
        shortNumber: s.shortNumber,
        userId: s.userId,
        userDisplayName: displayName(s.userId),
      })),
      groups: tenant.telephony.groups(cloudPbx.id).map((group) => ({
        rvcpGroupId: group.id,
        groupName: group.name,
        type: group.type,
        shortNumber: group.shortNumber,
      })),
      devices: devices.flatMap((device) => {
        const holder = subscribers.find((s) => s.id === device.phoneNumberId);
        return holder === undefined || device.macAddress === undefined
          ? []
          : [
              {
                shortNumber: holder.shortNumber,
                userId: holder.userId,
                macAddress: device.macAddress,
                userDisplayName: displayName(holder.userId),
              },
            ];
      }),
    },
  };
}

/** The subscriber's CLI options with the CloudPBX policy they fall back to (`companyPolicy`). */
function cliOptionsView(tenant: SimulatorTenant, subscriber: SubscriberRecord) {
  const company = tenant.findCloudPbx(subscriber.systemId)?.cloudpbx.cliOptions as
    { policy?: string } | undefined;
  return {
    policy: subscriber.cliOptions?.policy ?? 'company_policy',
    numberE164: subscriber.cliOptions?.numberE164 ?? subscriber.numberE164 ?? null,
    userCanManageItsCli: 'company_policy',
    companyNumberCanBeSelectedByUserAsCli: 'company_policy',
    companyPolicy: company?.policy ?? 'installation_ddi_number',
  };
}
