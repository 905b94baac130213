import { createHash } from 'node:crypto';
import type { SimulatorCredentials } from '../options';
import type { DeviceRecord, KeyRecord, SubscriberRecord, TenantSeed, UserRecord } from '../tenant/records';
import { SimulatorTenant } from '../tenant/tenant';
import { GRENOBLE_CLOUD_PBX, LYON_CLOUD_PBX } from './cloud-pbxs';
import { DEMO_DEVICE_MODELS } from './device-models';
import { SEED_DEVICES } from './devices';
import { SEED_KEYS } from './keys';
import { LAN_PHONES } from './lan-phones';
import { GRENOBLE_STAFF, LYON_STAFF, NEW_HIRES, loginEmailOf, type Person } from './people';
import { DEMO_COMPANY_ID, DEMO_SYSTEM_IDS, RUNTIME_ID_PREFIX, seedId } from './seed-ids';
import { demoTelephony } from './telephony-seed';

const EMAIL_DOMAIN = 'demo.fieldkit.invalid';

/** The demo technician (company_admin of the demo company) and the demo application. Fixed, not secret. */
export const DEMO_CREDENTIALS: SimulatorCredentials = Object.freeze({
  login: `tech@${EMAIL_DOMAIN}`,
  password: 'Demo-Technician-2024!',
  appId: '6f1d3c2b8a9e4f5d0c7b6a5948372615',
  appSecret: 'fkDemoAppSecret7Qm2Vx9Lr4Tn8Wz3Kp6Hs1Jd5Gb0Yc',
});

const TECHNICIAN: UserRecord = {
  id: seedId('user', 1),
  companyId: DEMO_COMPANY_ID,
  loginEmail: DEMO_CREDENTIALS.login,
  firstName: 'Julien',
  lastName: 'Fabre',
  displayName: 'Julien Fabre',
  roles: ['user', 'admin'],
  adminType: 'company_admin',
  password: DEMO_CREDENTIALS.password,
};

interface Staffing {
  systemId: string;
  staff: Person[];
  firstShortNumber: number;
  e164Stem: string;
  userCounterBase: number;
}

const STAFFING: Staffing[] = [
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    staff: LYON_STAFF,
    firstShortNumber: 81001,
    e164Stem: '+334789',
    userCounterBase: 0x100,
  },
  {
    systemId: DEMO_SYSTEM_IDS.grenoble,
    staff: GRENOBLE_STAFF,
    firstShortNumber: 72001,
    e164Stem: '+334768',
    userCounterBase: 0x200,
  },
];

/** Lyon also has two numbers no user holds, so `isAssignedToUser=false` finds something. */
const UNHELD_LYON_NUMBERS = ['81090', '81091'];

/** The admin API's `deviceName` for an internal subscriber number (the reference shows only the DDI one). */
const SUBSCRIBER_DEVICE_NAME = 'Cloud PBX subscriber';

/** New hires have users from this counter on, and no subscriber. */
const NEW_HIRE_COUNTER_BASE = 0x300;
const SEED_DATE = '2024-01-15T09:30:00.000Z';

/**
 * Lyon subscribers whose own settings depart from the CloudPBX's, so the number ladder has something to find:
 * calls overflowing to voicemail after 10 s, outgoing calls barred to internal ones, calls forked to a mobile.
 */
const SUBSCRIBER_SETTINGS: Record<string, Partial<SubscriberRecord>> = {
  '81003': { overflowToVoicemail: { value: 'custom', noReplyDelay: 10 } },
  '81006': { barringOptions: { permissions: 'local', restrictions: 'default' } },
  '81002': { pstnDeviceOptions: { policy: 'custom_ddi_number', numberE164: '+33612345678' } },
};

/** Open space A, desk 4 sits behind a consumer router whose SIP ALG rewrites contacts: the demo's NAT case. */
const PHONES_BEHIND_SIP_ALG = ['3c28a6110204'];

/** The IT helpdesk's phone registers for two minutes through a NAT that changes its port: it re-registers often. */
const PHONES_RE_REGISTERING_OFTEN = ['3c28a611020a'];

/** The director's office was declared as a Myriad M7, but the phone on the desk is an M5: the model case. */
const MISDECLARED_PHONES = { '3c28a6110209': 'M5' };

function userRecord(person: Person, id: string): UserRecord {
  return {
    id,
    companyId: DEMO_COMPANY_ID,
    loginEmail: loginEmailOf(person, EMAIL_DOMAIN),
    firstName: person.firstName,
    lastName: person.lastName,
    displayName: `${person.firstName} ${person.lastName}`,
    roles: ['user'],
  };
}

function subscriberRecord(id: string, systemId: string, shortNumber: string): SubscriberRecord {
  return {
    id,
    systemId,
    shortNumber,
    internalNumber: shortNumber,
    deviceName: SUBSCRIBER_DEVICE_NAME,
    sipPassword: createHash('sha256').update(id).digest('hex').slice(0, 8),
    creationDate: SEED_DATE,
  };
}

function staffRecords(): { users: UserRecord[]; subscribers: SubscriberRecord[] } {
  const users: UserRecord[] = [];
  const subscribers: SubscriberRecord[] = [];
  for (const site of STAFFING) {
    site.staff.forEach((person, index) => {
      const userId = seedId('user', site.userCounterBase + index);
      const shortNumber = String(site.firstShortNumber + index);
      users.push(userRecord(person, userId));
      subscribers.push({
        ...subscriberRecord(seedId('subscriber', site.userCounterBase + index), site.systemId, shortNumber),
        numberE164: `${site.e164Stem}${shortNumber}`,
        userId,
        ...(site.systemId === DEMO_SYSTEM_IDS.lyon ? SUBSCRIBER_SETTINGS[shortNumber] : undefined),
      });
    });
  }
  NEW_HIRES.forEach((person, index) =>
    users.push(userRecord(person, seedId('user', NEW_HIRE_COUNTER_BASE + index))),
  );
  UNHELD_LYON_NUMBERS.forEach((shortNumber, index) => {
    subscribers.push(
      subscriberRecord(seedId('subscriber', 0x1f0 + index), DEMO_SYSTEM_IDS.lyon, shortNumber),
    );
  });
  return { users, subscribers };
}

function deviceRecords(subscribers: SubscriberRecord[]): DeviceRecord[] {
  return SEED_DEVICES.map((seed, index) => {
    const systemId = DEMO_SYSTEM_IDS[seed.site];
    const subscriber = subscribers.find((s) => s.systemId === systemId && s.shortNumber === seed.shortNumber);
    if (seed.shortNumber !== undefined && subscriber === undefined) {
      throw new Error(`Seed device ${seed.description}: no subscriber ${seed.shortNumber}`);
    }
    const domainName = (seed.site === 'lyon' ? LYON_CLOUD_PBX : GRENOBLE_CLOUD_PBX).cloudpbx.domainName;
    return {
      id: seedId('device', index + 1),
      systemId,
      companyId: DEMO_COMPANY_ID,
      description: seed.description,
      deviceTypeId: seed.deviceTypeId,
      macAddress: seed.macAddress,
      ipei: seed.ipei,
      phoneNumberId: subscriber?.id,
      mediaTransportProtocol: 'rtp_savp',
      transferMode: seed.transferMode,
      modules: seed.modules ?? [],
      bannedDevice:
        seed.bannedFailCount === undefined
          ? undefined
          : {
              banId: `${seed.shortNumber ?? ''}@${domainName}`,
              failCount: seed.bannedFailCount,
              lastAttempt: '2024-07-19T06:03:25.000Z',
            },
      creationDate: new Date(Date.UTC(2024, 2, 1 + index, 9, 30)).toISOString(),
    };
  });
}

/** The seeded keys, on the seeded devices of Lyon, pointing at Lyon's subscribers. */
function keyRecords(devices: DeviceRecord[], subscribers: SubscriberRecord[]): KeyRecord[] {
  return SEED_KEYS.map(({ device: description, subscriber: shortNumber, ...key }) => {
    const device = devices.find((candidate) => candidate.description === description);
    const subscriber = subscribers.find(
      (candidate) => candidate.systemId === DEMO_SYSTEM_IDS.lyon && candidate.shortNumber === shortNumber,
    );
    if (device === undefined || (shortNumber !== undefined && subscriber === undefined)) {
      throw new Error(`Seed key ${key.keyNum} of ${description}: unknown device or subscriber`);
    }
    return {
      ...key,
      deviceId: device.id,
      ...(subscriber === undefined ? {} : { phoneNumberId: subscriber.id }),
    };
  });
}

/**
 * A fresh tenant holding the demo company, always the same data. Its assigned devices are registered from the
 * start; `registrationDelayMs` (default 0) applies to what happens next.
 */
export function createDemoTenant(
  now: () => number,
  options: { registrationDelayMs?: number } = {},
): SimulatorTenant {
  const { users, subscribers } = staffRecords();
  const devices = deviceRecords(subscribers);
  const seed: TenantSeed = {
    company: { id: DEMO_COMPANY_ID, name: 'Fieldkit Demo SA', country: 'FRA' },
    users: [TECHNICIAN, ...users],
    applications: [{ id: DEMO_CREDENTIALS.appId, name: 'Fieldkit', secret: DEMO_CREDENTIALS.appSecret }],
    cloudPbxs: [LYON_CLOUD_PBX, GRENOBLE_CLOUD_PBX],
    deviceModels: DEMO_DEVICE_MODELS,
    subscribers,
    devices,
    keys: keyRecords(devices, subscribers),
    lanPhones: LAN_PHONES,
    phonesBehindSipAlg: PHONES_BEHIND_SIP_ALG,
    phonesReRegisteringOften: PHONES_RE_REGISTERING_OFTEN,
    misdeclaredPhones: MISDECLARED_PHONES,
    telephony: demoTelephony(
      (shortNumber) =>
        subscribers.find((s) => s.systemId === DEMO_SYSTEM_IDS.lyon && s.shortNumber === shortNumber)?.userId,
    ),
    idPrefix: RUNTIME_ID_PREFIX,
    now,
    registrationDelayMs: options.registrationDelayMs,
  };
  return new SimulatorTenant(seed);
}
