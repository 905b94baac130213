/**
 * What a SIP user agent (or Server) header says about the device behind it. ALE deskphones announce
 * `ALE <model> <firmware> <mac>`; RTX-made IP-DECT bases `IPDECT-V2/<firmware> (MAC=<MAC>; SER=…; HW=…)`.
 */
import { normaliseMac } from '../../shared/identifiers';
import type { DeviceKind } from './types';

export interface DeviceIdentity {
  vendor?: string;
  model?: string;
  firmware?: string;
  /** The MAC the device claims (12 lowercase hex digits); the neighbour table's has precedence. */
  claimedMac?: string;
  kind?: DeviceKind;
}

const ALE_DESKPHONE = /^ALE\s+(\S+)\s+(\d[\w.-]*)\s+([0-9A-Fa-f]{2}(?:[:-]?[0-9A-Fa-f]{2}){5})(?:\s|$)/;
const IP_DECT = /^(IPDECT[\w-]*)\/(\S+)\s*\(([^)]*)\)/i;
const PRODUCT_VERSION = /^([A-Za-z][\w.-]*)\/(\d[\w.-]*)/;

function validMac(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const result = normaliseMac(text);
  return result.ok ? result.value : undefined;
}

function withoutUndefined(identity: DeviceIdentity): DeviceIdentity {
  return Object.fromEntries(
    Object.entries(identity).filter(([, value]) => value !== undefined),
  ) as DeviceIdentity;
}

/** The identity a user agent reveals; an empty object for one it does not know. */
export function parseUserAgent(userAgent: string): DeviceIdentity {
  const text = userAgent.trim();
  const ale = ALE_DESKPHONE.exec(text);
  if (ale) {
    const [, model = '', firmware, mac] = ale;
    return withoutUndefined({
      vendor: 'ALE',
      model,
      firmware,
      claimedMac: validMac(mac),
      kind: /dect/i.test(model) ? 'dect-base' : 'deskphone',
    });
  }
  const dect = IP_DECT.exec(text);
  if (dect) {
    const [, product, firmware, details = ''] = dect;
    const mac = /(?:^|;)\s*MAC\s*=\s*([0-9A-Fa-f:-]{12,17})/i.exec(details)?.[1];
    return withoutUndefined({ model: product, firmware, claimedMac: validMac(mac), kind: 'dect-base' });
  }
  const generic = PRODUCT_VERSION.exec(text);
  if (generic) return { model: generic[1] ?? '', firmware: generic[2] ?? '' };
  return {};
}
