import { normaliseIpei } from './ipei';
import { normaliseMac } from './mac';
import { quoteInput, refuse, type IdentifierFailure } from './result';
import { looksLikeScientificNotation, scientificNotationFailure } from './spreadsheet';

export type DeviceIdentifierKind = 'mac' | 'ipei';

export type DeviceIdentifierResult =
  { ok: true; kind: DeviceIdentifierKind; value: string } | IdentifierFailure;

const EXAMPLES =
  'a deskphone MAC address has 12 hex digits (e.g. 48:7A:55:00:00:02), a DECT handset IPEI 10 hex digits ' +
  '(e.g. 03807E7898) or 13 in decimal (e.g. 14343 0948376 *)';

/**
 * Tells a deskphone MAC from a DECT handset IPEI: 12 hex digits (in any MAC notation) is a MAC, 10 hex digits
 * or the 13-digit decimal form is an IPEI. The two never overlap, so at most one reading succeeds.
 */
export function parseDeviceIdentifier(input: string): DeviceIdentifierResult {
  const text = input.trim();
  if (text === '') return refuse('empty', `No device identifier was given: ${EXAMPLES}.`);
  if (looksLikeScientificNotation(text)) return scientificNotationFailure(text, 'device identifier');
  const mac = normaliseMac(text);
  if (mac.ok) return { ok: true, kind: 'mac', value: mac.value };
  const ipei = normaliseIpei(text);
  if (ipei.ok) return { ok: true, kind: 'ipei', value: ipei.value };
  return explainNeither(text, mac, ipei);
}

/** Picks the explanation for the kind the input was evidently meant to be, or gives both when unclear. */
function explainNeither(text: string, mac: IdentifierFailure, ipei: IdentifierFailure): IdentifierFailure {
  if (/[:.-]/.test(text)) return mac;
  if (/[\s*]/.test(text)) return ipei;
  if (/^[0-9a-f]{12}$/i.test(text)) return mac;
  if (/^\d{13}$/.test(text)) return ipei;
  const macZerosLost = mac.code === 'leading-zeros-lost';
  const ipeiZerosLost = ipei.code === 'leading-zeros-lost';
  if (/^[0-9a-f]{10}$/i.test(text) || (macZerosLost && ipeiZerosLost)) {
    return refuse('ambiguous', `This could be either kind of identifier. ${mac.reason} ${ipei.reason}`);
  }
  if (macZerosLost) return mac;
  if (ipeiZerosLost) return ipei;
  if (/^[0-9a-f]+$/i.test(text)) {
    return refuse(
      'length',
      `The identifier ${quoteInput(text)} has ${text.length} hex digits, the length of neither a MAC address ` +
        `nor an IPEI: ${EXAMPLES}.`,
    );
  }
  return refuse(
    'format',
    `The identifier ${quoteInput(text)} is neither a MAC address nor an IPEI: ${EXAMPLES}; re-type it from ` +
      'the device label.',
  );
}
