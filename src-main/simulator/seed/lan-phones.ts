import { DECT_BASE } from '../tenant/phone-catalogue';
import type { LanPhoneSeed } from '../tenant/phones';
import { DEMO_SYSTEM_IDS } from './seed-ids';

/**
 * Phones plugged into the sites' LANs that no device uses yet, so discovery in the demo finds new phones to
 * register: four ALE deskphones fresh out of their boxes at Lyon, and a DECT base per site (the handsets of
 * the site register through it; its MAC is in the 00:08:7b RTX block ALE DECT bases use).
 */
export const LAN_PHONES: LanPhoneSeed[] = [
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    kind: 'dect-base',
    macAddress: '00087b1f5759',
    model: DECT_BASE.model,
    firmware: DECT_BASE.firmware,
  },
  {
    systemId: DEMO_SYSTEM_IDS.grenoble,
    kind: 'dect-base',
    macAddress: '00087b1f6a02',
    model: DECT_BASE.model,
    firmware: DECT_BASE.firmware,
  },
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    kind: 'deskphone',
    macAddress: '487a550a1c01',
    model: 'M5',
    firmware: '2.13.0.64',
  },
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    kind: 'deskphone',
    macAddress: '487a550a1c02',
    model: 'M7',
    firmware: '2.13.0.64',
  },
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    kind: 'deskphone',
    macAddress: '3c28a6110301',
    model: '8028s',
    firmware: '5.1.1.9',
  },
  {
    systemId: DEMO_SYSTEM_IDS.lyon,
    kind: 'deskphone',
    macAddress: '3c28a6110302',
    model: '8068s',
    firmware: '5.1.1.9',
  },
];
