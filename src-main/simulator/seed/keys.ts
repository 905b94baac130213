import type { KeyRecord } from '../tenant/records';

/** A seeded key; `device` is the seeded device's description, `subscriber` a short number of its site. */
export interface SeedKey extends Omit<KeyRecord, 'deviceId' | 'phoneNumberId'> {
  device: string;
  subscriber?: string;
}

const RECEPTION = 'Reception - front desk';
const DIRECTOR = 'Director office';

/** The receptionist's EM_20 watches twenty colleagues, 81001 to 81020 (one monitor key each). */
const RECEPTION_MODULE: SeedKey[] = Array.from({ length: 20 }, (_, index) => ({
  device: RECEPTION,
  moduleId: 1,
  keyNum: index + 1,
  keyType: 'monitor',
  keyOwner: 'admin',
  subscriber: String(81001 + index),
}));

/**
 * Realistic layouts: the receptionist's M7 and its module full of monitor keys, the director's M7 with the
 * key the manager-assistant service put there (locked), a sales M5 with a few keys and a reserved one.
 */
export const SEED_KEYS: SeedKey[] = [
  { device: RECEPTION, moduleId: 0, keyNum: 1, keyType: 'speeddial', keyOwner: 'admin', subscriber: '81011' },
  {
    device: RECEPTION,
    moduleId: 0,
    keyNum: 2,
    keyType: 'speeddial',
    keyOwner: 'admin',
    displayName: 'Taxi Lyon',
    number: '+33478000000',
  },
  {
    device: RECEPTION,
    moduleId: 0,
    keyNum: 3,
    keyType: 'forward',
    keyOwner: 'admin',
    displayName: 'Fwd mobile',
    number: '+33699887002',
  },
  { device: RECEPTION, moduleId: 0, keyNum: 4, keyType: 'headset', keyOwner: 'admin' },
  {
    device: RECEPTION,
    moduleId: 0,
    keyNum: 5,
    keyType: 'huntgroup',
    keyOwner: 'admin',
    groupId: 'reception-group',
  },
  ...RECEPTION_MODULE,
  { device: DIRECTOR, moduleId: 0, keyNum: 1, keyType: 'speeddial', keyOwner: 'admin', subscriber: '81001' },
  { device: DIRECTOR, moduleId: 0, keyNum: 10, keyType: 'monitor', keyOwner: 'service', subscriber: '81002' },
  {
    device: 'Sales desk',
    moduleId: 0,
    keyNum: 1,
    keyType: 'speeddial',
    keyOwner: 'admin',
    subscriber: '81001',
  },
  { device: 'Sales desk', moduleId: 0, keyNum: 7, keyType: 'reserved', keyOwner: 'system' },
  {
    device: 'Sales desk',
    moduleId: 1,
    keyNum: 1,
    keyType: 'monitor',
    keyOwner: 'admin',
    subscriber: '81009',
  },
];
