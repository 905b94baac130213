import type { DdiRecord, EmergencyNumber, ExternalTrunkRecord, TelephonySeed } from '../tenant/telephony';
import { DEMO_SYSTEM_IDS, seedId } from './seed-ids';

const SEED_DATE = '2024-01-15T09:30:00.000Z';

export const DEMO_TRUNK_IDS = { carrier: seedId('trunk', 1), legacy: seedId('trunk', 2) } as const;
export const LYON_RECEPTION_GROUP_ID = seedId('group', 1);

/** Lyon staff with a DDI of their own: the first ten internal numbers, same digits behind +33 4 78 98. */
const LYON_DDI_COUNT = 10;
/** Its DDI still arrives through the carrier being ported away from: the demo's "trunk down" case. */
const LYON_DDI_ON_LEGACY_TRUNK = '81008';

/** The trunk both demo CloudPBXs are linked to (their `externalTrunkAdditionalInfo` repeats it). */
export const CARRIER_TRUNK: ExternalTrunkRecord = {
  id: DEMO_TRUNK_IDS.carrier,
  name: 'Carrier SIP Trunk',
  status: 'active',
  description: 'Main carrier of the demo company',
  trunkType: 'bp_trunk',
  locked: false,
  callForkingToPstnNumber: true,
  cloudPbxIds: [DEMO_SYSTEM_IDS.lyon, DEMO_SYSTEM_IDS.grenoble],
};

const FRENCH_EMERGENCY_NUMBERS: EmergencyNumber[] = [
  { number: '112', description: 'European emergency number' },
  { number: '15', description: 'SAMU (medical emergencies)' },
  { number: '17', description: 'Police' },
  { number: '18', description: 'Fire brigade (Sapeurs-Pompiers)' },
];

function ddi(counter: number, fields: Omit<DdiRecord, 'id' | 'number' | 'creationDate'>): DdiRecord {
  return {
    id: seedId('ddi', counter),
    number: `0${fields.numberE164.slice(3)}`,
    creationDate: SEED_DATE,
    ...fields,
  };
}

/**
 * The demo's DDIs, group and trunks: Lyon's installation number reaches the reception hunting group (a DDI to a
 * group), ten staff have their own DDI, one of which still arrives through a legacy trunk not in service.
 * `userOf` gives the Rainbow user holding a Lyon short number.
 */
export function demoTelephony(userOf: (shortNumber: string) => string | undefined): TelephonySeed {
  const staffDdis = Array.from({ length: LYON_DDI_COUNT }, (_, index) => {
    const shortNumber = String(81001 + index);
    return ddi(index + 2, {
      systemId: DEMO_SYSTEM_IDS.lyon,
      numberE164: `+334789${shortNumber}`,
      userId: userOf(shortNumber),
      externalTrunkId:
        shortNumber === LYON_DDI_ON_LEGACY_TRUNK ? DEMO_TRUNK_IDS.legacy : DEMO_TRUNK_IDS.carrier,
      isCloudPbxDefault: false,
    });
  });
  return {
    ddis: [
      ddi(1, {
        systemId: DEMO_SYSTEM_IDS.lyon,
        numberE164: '+33478980000',
        rvcpGroupId: LYON_RECEPTION_GROUP_ID,
        externalTrunkId: DEMO_TRUNK_IDS.carrier,
        isCloudPbxDefault: true,
      }),
      ...staffDdis,
      ddi(0x20, {
        systemId: DEMO_SYSTEM_IDS.grenoble,
        numberE164: '+33476870000',
        userId: undefined,
        externalTrunkId: DEMO_TRUNK_IDS.carrier,
        isCloudPbxDefault: true,
      }),
    ],
    groups: [
      {
        id: LYON_RECEPTION_GROUP_ID,
        systemId: DEMO_SYSTEM_IDS.lyon,
        name: 'Reception',
        type: 'hunting_group',
        shortNumber: '81100',
        forwards: [
          { type: 'immediate', activate: false },
          {
            type: 'overflow',
            activate: true,
            noReplyDelay: 20,
            destinationType: 'voicemail',
            name: 'Voicemail',
          },
        ],
      },
    ],
    trunks: [
      CARRIER_TRUNK,
      {
        id: DEMO_TRUNK_IDS.legacy,
        name: 'Legacy carrier (porting)',
        status: 'new',
        description: 'Numbers still being ported from the previous carrier',
        trunkType: 'bp_trunk',
        locked: true,
        callForkingToPstnNumber: false,
        cloudPbxIds: [DEMO_SYSTEM_IDS.lyon],
      },
    ],
    emergencyNumbers: {
      [DEMO_SYSTEM_IDS.lyon]: FRENCH_EMERGENCY_NUMBERS,
      [DEMO_SYSTEM_IDS.grenoble]: FRENCH_EMERGENCY_NUMBERS,
    },
  };
}
