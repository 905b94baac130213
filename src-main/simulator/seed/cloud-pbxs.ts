import type { CloudPbxRecord } from '../tenant/records';
import { DEMO_COMPANY_ID, DEMO_SYSTEM_IDS, seedId } from './seed-ids';
import type { ExternalTrunkRecord } from '../tenant/telephony';
import { CARRIER_TRUNK } from './telephony-seed';

interface Site {
  id: string;
  siteId: string;
  name: string;
  prefix: string;
  installationNumber: string;
  domainName: string;
  pbxId: string;
  creationDate: string;
}

/** A trunk as a CloudPBX's `externalTrunkAdditionalInfo` sums it up. */
function trunkSummary({ id, name, status, description, trunkType, locked }: ExternalTrunkRecord) {
  return { id, name, status, description, trunkType, locked };
}

function cloudPbx(site: Site): CloudPbxRecord {
  return {
    type: 'cloud_pbx',
    siteId: [site.siteId],
    status: 'activated',
    bpId: null,
    name: site.name,
    cloudpbx: {
      outgoingPrefix: '0',
      numberingPrefix: site.prefix,
      numberingPrefixes: [site.prefix],
      numberingDigits: 5,
      numberingDigitsLength: 'fixed',
      numberingPlan: [{ prefix: site.prefix, description: site.name }],
      installationNumber: site.installationNumber,
      domainName: site.domainName,
      language: 'fr',
      telephonyLinePolicy: 'multi_lines',
      externalTrunkId: CARRIER_TRUNK.id,
      externalTrunkAdditionalInfo: trunkSummary(CARRIER_TRUNK),
      overflowSubscribersToVoicemail: { activate: true, noReplyDelay: 20, activateUnavailableOverflow: true },
      barringOptions: { permissions: 'nat_local', restrictions: 'surcharged_numbers' },
      cliOptions: {
        policy: 'user_ddi_number',
        userCanManageItsCli: false,
        companyNumberCanBeSelectedByUserAsCli: false,
      },
      callForwardOptions: { externalCallForward: 'not_authorized' },
      callForkingToPstnNumber: 'not_activated',
      emergencyOptions: { callAuthorizationWithSoftPhone: true, emergencyGroupActivated: false },
      sipDeviceTransferMode: 'optional',
      // The real API returns these SIP trunk secrets too; the simulator does, so tests prove Fieldkit drops them.
      peerAuthenticationOptions: {
        username: `peer-${site.prefix}`,
        password: `peer-secret-${site.pbxId.slice(-4)}`,
        realm: site.domainName,
      },
    },
    jid_pbxagent_password: `agent-secret-${site.pbxId.slice(-4)}`,
    country: 'FRA',
    pbxId: site.pbxId,
    creationDate: site.creationDate,
    latin_name: site.name.toLowerCase(),
    id: site.id,
    companyId: DEMO_COMPANY_ID,
  };
}

export const LYON_CLOUD_PBX = cloudPbx({
  id: DEMO_SYSTEM_IDS.lyon,
  siteId: seedId('site', 1),
  name: 'Lyon HQ',
  prefix: '8',
  installationNumber: '+33478980000',
  domainName: 'lyon-hq.demo.fieldkit.invalid',
  pbxId: 'PBX6650-a1c0-4c79-8e21-0b1d-9f3a-5c6e-0001',
  creationDate: '2024-01-15T09:12:44.000Z',
});

export const GRENOBLE_CLOUD_PBX = cloudPbx({
  id: DEMO_SYSTEM_IDS.grenoble,
  siteId: seedId('site', 2),
  name: 'Grenoble Warehouse',
  prefix: '7',
  installationNumber: '+33476870000',
  domainName: 'grenoble-warehouse.demo.fieldkit.invalid',
  pbxId: 'PBX6650-a1c0-4c79-8e21-0b1d-9f3a-5c6e-0002',
  creationDate: '2024-02-05T14:03:10.000Z',
});
