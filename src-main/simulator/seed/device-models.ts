import type { SupportedModule } from '../../services/rainbow/types';
import type { DeviceModelRecord } from '../tenant/records';

/** Model ids; 8008, 8018, M5, Generic SIP and 8214DECT are the ones the reference shows. */
export const DEVICE_MODEL_IDS = {
  ale8008: 12,
  ale8018: 13,
  ale8028s: 14,
  ale8058s: 15,
  ale8068s: 16,
  ale8078s: 17,
  myriadM3: 22,
  myriadM5: 23,
  myriadM7: 24,
  myriadM8: 25,
  dect8214: 999998,
  genericSip: 999999,
} as const;

const MYRIAD_MODULES: SupportedModule[] = [
  { type: 'EM_20', programmableKeys: 20, nbOfSoftKeyPages: 1 },
  { type: 'EM_200', programmableKeys: 200, nbOfSoftKeyPages: 10 },
];

interface Deskphone {
  id: number;
  model: string;
  range: 'cloud_edition' | 'myriad';
  programmableKeys: number;
  nbOfSoftKeyPages: number;
  can_forward: boolean;
  has_headset: boolean;
  has_audioHub: boolean;
  has_progKeyHG: boolean;
  supportedModules?: SupportedModule[];
}

function deskphone(spec: Deskphone): DeviceModelRecord {
  const { supportedModules, ...rest } = spec;
  return {
    ...rest,
    vendor: 'ALE',
    category: 'deskphone',
    can_speeddial: true,
    can_monitor: true,
    has_progKeyDND: false,
    ...(supportedModules === undefined ? {} : { supportedModules }),
  };
}

const noKeys = {
  programmableKeys: 0,
  can_speeddial: false,
  can_monitor: false,
  can_forward: false,
  has_headset: false,
  has_audioHub: false,
};

export const DEMO_DEVICE_MODELS: DeviceModelRecord[] = [
  deskphone({
    id: DEVICE_MODEL_IDS.ale8008,
    model: '8008',
    range: 'cloud_edition',
    programmableKeys: 6,
    nbOfSoftKeyPages: 1,
    can_forward: false,
    has_headset: false,
    has_audioHub: false,
    has_progKeyHG: false,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.ale8018,
    model: '8018',
    range: 'cloud_edition',
    programmableKeys: 6,
    nbOfSoftKeyPages: 1,
    can_forward: false,
    has_headset: false,
    has_audioHub: false,
    has_progKeyHG: false,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.ale8028s,
    model: '8028s',
    range: 'cloud_edition',
    programmableKeys: 8,
    nbOfSoftKeyPages: 1,
    can_forward: true,
    has_headset: true,
    has_audioHub: false,
    has_progKeyHG: true,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.ale8058s,
    model: '8058s',
    range: 'cloud_edition',
    programmableKeys: 24,
    nbOfSoftKeyPages: 4,
    can_forward: true,
    has_headset: true,
    has_audioHub: false,
    has_progKeyHG: true,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.ale8068s,
    model: '8068s',
    range: 'cloud_edition',
    programmableKeys: 30,
    nbOfSoftKeyPages: 3,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    has_progKeyHG: true,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.ale8078s,
    model: '8078s',
    range: 'cloud_edition',
    programmableKeys: 40,
    nbOfSoftKeyPages: 4,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    has_progKeyHG: true,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.myriadM3,
    model: 'M3',
    range: 'myriad',
    programmableKeys: 12,
    nbOfSoftKeyPages: 2,
    can_forward: true,
    has_headset: true,
    has_audioHub: false,
    has_progKeyHG: true,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.myriadM5,
    model: 'M5',
    range: 'myriad',
    programmableKeys: 28,
    nbOfSoftKeyPages: 4,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    has_progKeyHG: true,
    supportedModules: MYRIAD_MODULES,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.myriadM7,
    model: 'M7',
    range: 'myriad',
    programmableKeys: 40,
    nbOfSoftKeyPages: 5,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    has_progKeyHG: true,
    supportedModules: MYRIAD_MODULES,
  }),
  deskphone({
    id: DEVICE_MODEL_IDS.myriadM8,
    model: 'M8',
    range: 'myriad',
    programmableKeys: 48,
    nbOfSoftKeyPages: 6,
    can_forward: true,
    has_headset: true,
    has_audioHub: true,
    has_progKeyHG: true,
    supportedModules: MYRIAD_MODULES,
  }),
  {
    id: DEVICE_MODEL_IDS.genericSip,
    vendor: 'ALE',
    model: 'Generic SIP',
    category: 'uncategorized',
    ...noKeys,
  },
  {
    id: DEVICE_MODEL_IDS.dect8214,
    vendor: 'ALE',
    model: '8214DECT',
    category: 'dectmobile',
    ...noKeys,
    supportedModules: [],
    systemKeys: [],
  },
];
