import type { ExpansionModule } from '../../services/rainbow/types';
import { DEVICE_MODEL_IDS as MODEL } from './device-models';

/** A seeded device; `shortNumber` names the subscriber it is assigned to, if any. */
export interface SeedDevice {
  site: 'lyon' | 'grenoble';
  deviceTypeId: number;
  description: string;
  macAddress?: string;
  ipei?: string;
  shortNumber?: string;
  modules?: ExpansionModule[];
  transferMode?: string;
  bannedFailCount?: string;
}

/**
 * Deskphone MACs use ALE prefixes (48:7a:55, 3c:28:a6, 00:80:9f), stored as 12 lowercase hex digits; the
 * Generic SIP intercom has a third-party MAC; DECT handsets carry a 10-hex-digit IPEI instead.
 */
export const SEED_DEVICES: SeedDevice[] = [
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8078s,
    macAddress: '487a550a1b01',
    description: 'Reception desk',
    shortNumber: '81001',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8068s,
    macAddress: '487a550a1b02',
    description: 'Office 2.14',
    shortNumber: '81002',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8058s,
    macAddress: '487a550a1b03',
    description: 'Office 2.15',
    shortNumber: '81003',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8028s,
    macAddress: '3c28a6110204',
    description: 'Open space A - desk 4',
    shortNumber: '81004',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8028s,
    macAddress: '3c28a6110205',
    description: 'Open space A - desk 5',
    shortNumber: '81005',
    bannedFailCount: '3',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8018,
    macAddress: '00809f4c2e06',
    description: 'Break room',
    shortNumber: '81006',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8008,
    macAddress: '00809f4c2e07',
    description: 'Loading bay office',
    shortNumber: '81007',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.myriadM5,
    macAddress: '3c28a6110208',
    description: 'Sales desk',
    shortNumber: '81008',
    transferMode: 'same_as_company',
    modules: [{ moduleId: 1, type: 'EM_20', name: 'Sales team' }],
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.myriadM7,
    macAddress: '3c28a6110209',
    description: 'Director office',
    shortNumber: '81009',
    transferMode: 'same_as_company',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.myriadM3,
    macAddress: '3c28a611020a',
    description: 'IT helpdesk',
    shortNumber: '81010',
    transferMode: 'same_as_company',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.myriadM8,
    macAddress: '3c28a611020b',
    description: 'Switchboard',
    shortNumber: '81011',
    transferMode: 'attended_transfer',
    modules: [{ moduleId: 1, type: 'EM_200', name: 'Switchboard keys' }],
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8068s,
    macAddress: '487a550a1b0c',
    description: 'Meeting room Confluence',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.ale8028s,
    macAddress: '487a550a1b0d',
    description: 'Spare stock - box 3',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.genericSip,
    macAddress: '000413a1b2c3',
    description: 'Lobby door intercom',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.dect8214,
    ipei: '03807e7898',
    description: 'DECT - Maintenance',
    shortNumber: '81012',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.dect8214,
    ipei: '03807e7899',
    description: 'DECT - Warehouse lead',
    shortNumber: '81013',
  },
  {
    site: 'lyon',
    deviceTypeId: MODEL.dect8214,
    ipei: '03807e789a',
    description: 'DECT - Security',
    shortNumber: '81014',
  },
  { site: 'lyon', deviceTypeId: MODEL.dect8214, ipei: '0328d1f0a4', description: 'Spare DECT handset' },
  {
    site: 'grenoble',
    deviceTypeId: MODEL.ale8028s,
    macAddress: '3c28a6220301',
    description: 'Warehouse office',
    shortNumber: '72001',
  },
  {
    site: 'grenoble',
    deviceTypeId: MODEL.myriadM5,
    macAddress: '487a550b2c02',
    description: 'Dispatch desk',
    shortNumber: '72002',
    transferMode: 'same_as_company',
  },
  {
    site: 'grenoble',
    deviceTypeId: MODEL.ale8018,
    macAddress: '00809f5d3f03',
    description: 'Spare 8018 - shelf B',
  },
  {
    site: 'grenoble',
    deviceTypeId: MODEL.dect8214,
    ipei: '0328d1f0b7',
    description: 'DECT - Forklift team',
    shortNumber: '72003',
  },
  { site: 'grenoble', deviceTypeId: MODEL.dect8214, ipei: '0328d1f0b8', description: 'Spare DECT handset' },
  // Last, so the ids of the devices above stay as they were.
  {
    site: 'lyon',
    deviceTypeId: MODEL.myriadM7,
    macAddress: '3c28a611020c',
    description: 'Reception - front desk',
    shortNumber: '81015',
    transferMode: 'attended_transfer',
    modules: [{ moduleId: 1, type: 'EM_20', name: 'Colleagues' }],
  },
];
