import { describeCharacter, quoteInput, refuse, type IdentifierResult } from './result';
import {
  LOST_ZEROS_EXPLANATION,
  looksLikeScientificNotation,
  scientificNotationFailure,
} from './spreadsheet';

/*
 * An IPEI (DECT handset identity, ETSI EN 300 175-6) is a 16-bit manufacturer code (EMC) and a 20-bit serial
 * number (PSN). In hex it is written as 10 digits: the IPUI type nibble, always 0 for an IPEI, then 4 digits of
 * EMC and 5 of PSN. In decimal it is the EMC in 5 digits, the PSN in 7, and a check digit: the sum of each of the
 * 12 digits times its position (1..12), modulo 11, where 10 is written `*`.
 */
const HEX_FORM = /^[0-9a-f]{10}$/i;
const STORED_HEX_FORM = /^0[0-9a-f]{9}$/i;
const DECIMAL_FORM = /^\d{12}[\d*]$/;
const DECIMAL_LENGTH = 13;
const EMC_DECIMAL_DIGITS = 5;
const PSN_DECIMAL_DIGITS = 7;
const EMC_MAX = 0xffff;
const PSN_MAX = 0xfffff;
const ALL_ZERO = '0000000000';
const DIGIT_ZERO = 0x30;
const EXAMPLES = 'e.g. 03807E7898, or 14343 0948376 * in its decimal form';

/**
 * Reads an IPEI as 10 hex digits (`03807E7898`) or in decimal with or without spaces (`14343 0948376 *`), checks
 * its check digit, and answers the 10 lowercase hex digits.
 */
export function normaliseIpei(input: string): IdentifierResult {
  const text = input.trim();
  if (text === '') {
    return refuse('empty', `No IPEI was given: enter it from the handset label, ${EXAMPLES}.`);
  }
  if (HEX_FORM.test(text)) return refuseAllZero(readHexForm(text), text);
  const compact = text.replace(/\s+/g, '');
  if (DECIMAL_FORM.test(compact)) return refuseAllZero(readDecimalForm(compact, text), text);
  return explainUnreadable(text, compact);
}

/** `03807e7898` → `14343 0948376 *`. Takes any form `normaliseIpei` accepts. */
export function formatIpeiDecimal(ipei: string): string {
  const read = normaliseIpei(ipei);
  if (!read.ok) throw new RangeError(`formatIpeiDecimal: ${read.reason}`);
  return decimalOfHex(read.value);
}

/** A stored IPEI as handset labels print it: `03807e7898` → `03807E7898`. */
export function displayIpei(ipei: string): string {
  return ipei.toUpperCase();
}

/**
 * The decimal form of a stored IPEI (`14343 0948376 *`), for lists that show whatever the API holds: undefined
 * instead of an error when the value is not an IPEI in hex.
 */
export function displayIpeiDecimal(ipei: string): string | undefined {
  return STORED_HEX_FORM.test(ipei) ? decimalOfHex(ipei) : undefined;
}

function decimalOfHex(hex: string): string {
  const emc = String(Number.parseInt(hex.slice(1, 5), 16)).padStart(EMC_DECIMAL_DIGITS, '0');
  const psn = String(Number.parseInt(hex.slice(5), 16)).padStart(PSN_DECIMAL_DIGITS, '0');
  return `${emc} ${psn} ${checkDigit(emc + psn)}`;
}

/** From the digits' character codes: an import reads the decimal IPEIs of thousands of lines. */
function checkDigit(twelveDigits: string): string {
  let sum = 0;
  for (let index = 0; index < twelveDigits.length; index += 1) {
    sum += (twelveDigits.charCodeAt(index) - DIGIT_ZERO) * (index + 1);
  }
  const remainder = sum % 11;
  return remainder === 10 ? '*' : String(remainder);
}

function refuseAllZero(read: IdentifierResult, text: string): IdentifierResult {
  if (!read.ok || read.value !== ALL_ZERO) return read;
  return refuse(
    'all-zero',
    `The IPEI ${quoteInput(text)} is all zeros, a placeholder no handset has; enter the IPEI printed on the ` +
      'handset label.',
  );
}

function readHexForm(text: string): IdentifierResult {
  if (!text.startsWith('0')) {
    return refuse(
      'format',
      `The IPEI ${quoteInput(text)} has 10 hex digits but does not start with 0, as every IPEI in hex does ` +
        '(e.g. 03807E7898); check the first digit against the handset label.',
    );
  }
  return { ok: true, value: text.toLowerCase() };
}

function readDecimalForm(compact: string, text: string): IdentifierResult {
  const digits = compact.slice(0, 12);
  const given = compact.slice(12);
  const expected = checkDigit(digits);
  if (given !== expected) {
    return refuse(
      'check-digit',
      `The IPEI ${quoteInput(text)} ends in the check digit ${given}, but its other 12 digits give ` +
        `${expected}: a digit was probably mistyped; compare it with the handset label.`,
    );
  }
  const emc = Number(digits.slice(0, EMC_DECIMAL_DIGITS));
  const psn = Number(digits.slice(EMC_DECIMAL_DIGITS));
  if (emc > EMC_MAX || psn > PSN_MAX) {
    return refuse(
      'out-of-range',
      `The IPEI ${quoteInput(text)} cannot exist: its first 5 digits (the manufacturer code) are at most ` +
        `65535 and the next 7 (the serial number) at most 1048575; compare it with the handset label.`,
    );
  }
  return { ok: true, value: `0${emc.toString(16).padStart(4, '0')}${psn.toString(16).padStart(5, '0')}` };
}

function explainUnreadable(text: string, compact: string): IdentifierResult {
  if (looksLikeScientificNotation(text)) return scientificNotationFailure(text, 'IPEI');
  const stranger = [...compact].find((character) => !/[0-9a-f*]/i.test(character));
  if (stranger !== undefined) {
    return refuse(
      'format',
      `The IPEI ${quoteInput(text)} contains ${describeCharacter(stranger)}, which does not belong in an ` +
        `IPEI; enter it from the handset label, ${EXAMPLES}.`,
    );
  }
  if (compact.slice(0, -1).includes('*')) {
    return refuse(
      'format',
      `The IPEI ${quoteInput(text)} has a * before its end; * can only be the last character, the check ` +
        `digit (${EXAMPLES}).`,
    );
  }
  if (compact.length === DECIMAL_LENGTH) {
    return refuse(
      'format',
      `The IPEI ${quoteInput(text)} has 13 characters like the decimal form, which holds only the digits 0-9 ` +
        `and, as the last character, the check digit 0-9 or * (${EXAMPLES}).`,
    );
  }
  const lostZeros = restoreLostZeros(compact);
  if (lostZeros !== undefined) {
    return refuse(
      'leading-zeros-lost',
      `The IPEI ${quoteInput(text)} is too short: ${LOST_ZEROS_EXPLANATION}. It is probably ` +
        `${lostZeros.shown}; format the column as text and re-enter it.`,
      lostZeros.value,
    );
  }
  if (/^\d{12}$/.test(compact)) {
    return refuse(
      'length',
      `The IPEI ${quoteInput(text)} has 12 digits: the check digit (0-9 or *, the last character on the ` +
        'label) is missing; add it from the handset label.',
    );
  }
  return refuse(
    'length',
    `The IPEI ${quoteInput(text)} has ${compact.length} characters, but an IPEI is 10 hex digits or 13 in ` +
      `decimal, ${EXAMPLES}.`,
  );
}

/**
 * An IPEI in hex always starts with 0, and a decimal one may, so one kept as a number loses them. Decimal forms
 * are only restored when the check digit confirms the padded value.
 */
function restoreLostZeros(compact: string): { value: string; shown: string } | undefined {
  if (/^[0-9a-f]{9}$/i.test(compact) && !/^0+$/.test(compact)) {
    const value = `0${compact.toLowerCase()}`;
    return { value, shown: value.toUpperCase() };
  }
  if (/^\d{9,11}[\d*]$/.test(compact)) {
    const padded = compact.padStart(DECIMAL_LENGTH, '0');
    const read = readDecimalForm(padded, padded);
    if (read.ok && read.value !== ALL_ZERO) {
      return { value: read.value, shown: formatIpeiDecimal(read.value) };
    }
  }
  return undefined;
}
