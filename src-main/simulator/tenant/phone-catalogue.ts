import type { DeviceCategory } from '../../services/rainbow/types';

/**
 * What the simulated phones report about themselves. Firmware versions and the deskphone user agent are
 * plausible values in the shape of real ALE phones, not taken from the reference; the DECT values are the
 * reference's own example.
 */

export type PhoneKind = 'deskphone' | 'dect-handset' | 'dect-base' | 'sip';

const DESKPHONE_FIRMWARE: Readonly<Record<string, string>> = {
  myriad: '2.13.0.64',
  cloud_edition: '5.1.1.9',
};
const GENERIC_SIP_FIRMWARE = '1.0.0';

/** The DECT base handsets register through (the reference's IPDECT example). */
export const DECT_BASE = {
  model: '8378 DECT IP-xBS',
  firmware: '99.01.0004',
  softwareVersion: '9901.0004',
  dectVersion: '0690_0005',
} as const;

export function phoneKindOf(category: DeviceCategory): PhoneKind {
  if (category === 'deskphone') return 'deskphone';
  if (category === 'dectmobile') return 'dect-handset';
  return 'sip';
}

/** Firmware a phone of this model runs; a handset reports its base's. */
export function firmwareOf(kind: PhoneKind, range: string | undefined): string {
  if (kind === 'deskphone')
    return DESKPHONE_FIRMWARE[range ?? ''] ?? DESKPHONE_FIRMWARE['cloud_edition'] ?? '';
  if (kind === 'sip') return GENERIC_SIP_FIRMWARE;
  return DECT_BASE.firmware;
}

/** e.g. `ALE M5-CE 2.13.0.64 487a55000003`. */
export function deskphoneUserAgent(model: string, firmware: string, mac: string): string {
  return `ALE ${model}-CE ${firmware} ${mac}`;
}

/** The reference's form: `IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8);IPEI=03:a8:c0:07:1f;v0690_b0005`. */
export function dectUserAgent(baseMac: string, ipei: string): string {
  const [major, minor] = DECT_BASE.dectVersion.split('_');
  const ipeiPairs = ipei.match(/../g)?.join(':') ?? ipei;
  return (
    `IPDECT-V2/${DECT_BASE.firmware} (MAC=${baseMac.toUpperCase()}; SER= 00000; HW=8);` +
    `IPEI=${ipeiPairs};v${major ?? ''}_b${minor ?? ''}`
  );
}
