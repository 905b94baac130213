import {
  describeCharacter,
  quoteInput,
  refuse,
  type IdentifierFailure,
  type IdentifierResult,
} from './result';
import {
  LOST_ZEROS_EXPLANATION,
  looksLikeScientificNotation,
  scientificNotationFailure,
} from './spreadsheet';
import { readStoredMac, readUsualMac } from './usual-mac';

const MAC_HEX_DIGITS = 12;
const MAC_OCTETS = 6;
const EXAMPLE = '48:7A:55:00:00:02';
const NOT_MAC_CHARACTER = /[^0-9a-f:.-]/iu;
/**
 * The notations nearly every file uses (`48:7a:55:00:00:02`, `48-7A-55-00-00-02`), read without splitting; the
 * stored form (12 hex digits) is read as it is.
 */
const USUAL_NOTATION = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const STORED_FORM = /^[0-9a-f]{12}$/i;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_A = 0x61;
const LOWER_F = 0x66;
const COLON = 0x3a;
/** The bit that makes an ASCII letter lower case. */
const CASE_BIT = 0x20;
/** Fewer digits than this is not a MAC that merely lost its leading zeros. */
const FEWEST_DIGITS_FOR_LOST_ZEROS = 9;
const FEWEST_OCTETS_FOR_LOST_ZEROS = 4;

export type MacDisplayCase = 'lower' | 'upper';

type MacDigits = { ok: true; digits: string } | IdentifierFailure;

/**
 * Reads a MAC address written as `48:7A:55:00:00:02`, `48-7a-55-00-00-02`, `487a.5500.0002`, `487a55000002` or
 * `48:7a:55:0:0:2`, and answers the 12 lowercase hex digits. Multicast, broadcast and all-zero addresses are
 * refused: no phone has one as its own address.
 */
export function normaliseMac(input: string): IdentifierResult {
  const usual = readUsualMac(input) ?? readStoredMac(input);
  if (usual !== undefined) return { ok: true, value: usual };
  const text = input.trim();
  if (text === '') {
    return refuse(
      'empty',
      `No MAC address was given: enter the 12 hex digits printed on the device label, e.g. ${EXAMPLE}.`,
    );
  }
  const read = readMacDigits(text);
  if (!read.ok) return read;
  const refusal = refuseNonDeviceAddress(read.digits, text);
  return refusal ?? { ok: true, value: read.digits };
}

/** `487a55000002` → `48:7a:55:00:00:02` (or upper case). Takes any notation `normaliseMac` reads. */
export function formatMac(mac: string, displayCase: MacDisplayCase = 'lower'): string {
  const read = readMacDigits(mac.trim());
  if (!read.ok) throw new RangeError(`formatMac: ${read.reason}`);
  return octetsOf(read.digits, displayCase) ?? read.digits;
}

/**
 * A stored MAC (12 hex digits) as `48:7a:55:00:00:02`, for lists that show whatever the API holds: anything
 * else is shown as it is (in upper case if asked) instead of failing.
 */
export function displayMac(mac: string, displayCase: MacDisplayCase = 'lower'): string {
  return octetsOf(mac, displayCase) ?? (displayCase === 'upper' ? mac.toUpperCase() : mac);
}

/**
 * 12 hex digits as six octets in one case, made from the characters' codes in one string (an import's report
 * shows 100,000 of them: slicing six pairs, joining them and changing the case made nine strings each); undefined
 * when `digits` is not 12 hex digits.
 */
function octetsOf(digits: string, displayCase: MacDisplayCase): string | undefined {
  if (digits.length !== MAC_HEX_DIGITS) return undefined;
  for (let index = 0; index < MAC_HEX_DIGITS; index += 1) {
    if (!isHexDigit(digits.charCodeAt(index))) return undefined;
  }
  const digit =
    displayCase === 'upper'
      ? (index: number): number => upperCase(digits.charCodeAt(index))
      : (index: number): number => digits.charCodeAt(index) | CASE_BIT;
  return String.fromCharCode(
    digit(0),
    digit(1),
    COLON,
    digit(2),
    digit(3),
    COLON,
    digit(4),
    digit(5),
    COLON,
    digit(6),
    digit(7),
    COLON,
    digit(8),
    digit(9),
    COLON,
    digit(10),
    digit(11),
  );
}

function isHexDigit(code: number): boolean {
  const letter = code | CASE_BIT;
  return (code >= ZERO && code <= NINE) || (letter >= LOWER_A && letter <= LOWER_F);
}

/** A hex digit's code in upper case (a digit's code has the case bit set already, and keeps it). */
function upperCase(code: number): number {
  return code >= LOWER_A ? code & ~CASE_BIT : code;
}

/** The 48 bits of a MAC in any supported notation, whatever kind of address they are. */
function readMacDigits(text: string): MacDigits {
  if (STORED_FORM.test(text)) return { ok: true, digits: text.toLowerCase() };
  const usual = USUAL_NOTATION.exec(text);
  if (usual !== null) return { ok: true, digits: text.replaceAll(usual[1] as string, '').toLowerCase() };
  if (looksLikeScientificNotation(text)) return scientificNotationFailure(text, 'MAC address');
  const stranger = NOT_MAC_CHARACTER.exec(text)?.[0];
  if (stranger !== undefined) {
    return refuse(
      'format',
      `The MAC address ${quoteInput(text)} contains ${describeCharacter(stranger)}, which is neither a hex ` +
        `digit (0-9, A-F) nor a separator (: - .); re-type it from the device label, e.g. ${EXAMPLE}.`,
    );
  }
  const separators = [...new Set(text.replace(/[0-9a-f]/gi, ''))];
  const [separator] = separators;
  if (separators.length > 1) {
    return refuse(
      'format',
      `The MAC address ${quoteInput(text)} mixes the separators ${separators.join(' ')}; use one style ` +
        `throughout, e.g. ${EXAMPLE} or 48-7A-55-00-00-02.`,
    );
  }
  if (separator === undefined) return readBareDigits(text);
  if (separator === '.') return readDottedGroups(text);
  return readOctets(text, separator);
}

function readBareDigits(text: string): MacDigits {
  if (text.length === MAC_HEX_DIGITS) return { ok: true, digits: text.toLowerCase() };
  if (text.length >= FEWEST_DIGITS_FOR_LOST_ZEROS && text.length < MAC_HEX_DIGITS) {
    const padded = text.toLowerCase().padStart(MAC_HEX_DIGITS, '0');
    if (isDeviceAddress(padded)) {
      return refuse(
        'leading-zeros-lost',
        `The MAC address ${quoteInput(text)} has ${text.length} hex digits but a MAC has 12: ` +
          `${LOST_ZEROS_EXPLANATION}. If the label starts with zeros it is ${formatMac(padded, 'upper')}; ` +
          'format the column as text and re-enter it.',
        padded,
      );
    }
  }
  return refuse(
    'length',
    `The MAC address ${quoteInput(text)} has ${text.length} hex digits but a MAC has exactly 12, ` +
      `e.g. ${EXAMPLE}; check the device label for a missing or extra digit.`,
  );
}

function readDottedGroups(text: string): MacDigits {
  const groups = text.split('.');
  if (groups.length === 3 && groups.every((group) => group.length === 4)) {
    return { ok: true, digits: groups.join('').toLowerCase() };
  }
  return refuse(
    'format',
    `The MAC address ${quoteInput(text)} is not valid dotted notation, which has 3 groups of 4 hex digits ` +
      `(e.g. 487a.5500.0002); re-type it from the device label, e.g. ${EXAMPLE}.`,
  );
}

function readOctets(text: string, separator: string): MacDigits {
  const octets = text.split(separator);
  if (octets.some((octet) => octet.length === 0 || octet.length > 2)) {
    return refuse(
      'format',
      `The MAC address ${quoteInput(text)} is broken: between the "${separator}" separators there must be ` +
        `6 octets of 1 or 2 hex digits, e.g. ${EXAMPLE.replaceAll(':', separator)}.`,
    );
  }
  const digits = octets.map((octet) => octet.padStart(2, '0').toLowerCase()).join('');
  if (octets.length === MAC_OCTETS) return { ok: true, digits };
  if (octets.length >= FEWEST_OCTETS_FOR_LOST_ZEROS && octets.length < MAC_OCTETS) {
    const padded = digits.padStart(MAC_HEX_DIGITS, '0');
    if (isDeviceAddress(padded)) {
      return refuse(
        'leading-zeros-lost',
        `The MAC address ${quoteInput(text)} has only ${octets.length} octets but a MAC has 6: ` +
          `${LOST_ZEROS_EXPLANATION}. If the label starts with 00 it is ${formatMac(padded, 'upper')}.`,
        padded,
      );
    }
  }
  return refuse(
    'length',
    `The MAC address ${quoteInput(text)} has ${octets.length} octets but a MAC has exactly 6, ` +
      `e.g. ${EXAMPLE}; check the device label.`,
  );
}

function firstOctet(digits: string): number {
  return Number.parseInt(digits.slice(0, 2), 16);
}

function isDeviceAddress(digits: string): boolean {
  return !/^0+$/.test(digits) && (firstOctet(digits) & 1) === 0;
}

function refuseNonDeviceAddress(digits: string, text: string): IdentifierFailure | undefined {
  if (/^0+$/.test(digits)) {
    return refuse(
      'all-zero',
      `The MAC address ${quoteInput(text)} is all zeros, a placeholder no device has; ` +
        'enter the MAC printed on the device label.',
    );
  }
  if (/^f+$/.test(digits)) {
    return refuse(
      'multicast',
      `The MAC address ${quoteInput(text)} is the broadcast address, not the address of a device; ` +
        'enter the MAC printed on the device label.',
    );
  }
  if ((firstOctet(digits) & 1) === 1) {
    return refuse(
      'multicast',
      `The MAC address ${quoteInput(text)} is a multicast address (its first octet is odd), which no phone ` +
        'has as its own address; check the first two digits against the device label.',
    );
  }
  return undefined;
}
