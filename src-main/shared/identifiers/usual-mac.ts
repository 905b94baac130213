const MAC_TEXT_LENGTH = 17;
const COLON = 0x3a;
const HYPHEN = 0x2d;
const STORED_LENGTH = 12;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const LOWER_A = 0x61;
const LOWER_F = 0x66;
const UPPER_A = 0x41;

/**
 * The MAC of a device written the way nearly every file writes it (`48:7A:55:00:00:02`, `48-7a-55-00-00-02`),
 * read by character codes: no regular expression and no intermediate strings, as 100,000 lines of an import
 * take. Answers the 12 lowercase hex digits, or undefined for anything else (another notation, a multicast or
 * all-zero address, stray spaces), which the full reader then reads or refuses with its reason.
 */
export function readUsualMac(text: string): string | undefined {
  const halves: MacHalves = { high: 0, low: 0 };
  if (!readUsualMacHalves(text, 0, text.length, halves)) return undefined;
  return macDigits(halves.high, halves.low);
}

/**
 * A MAC in the form the API stores it (12 lowercase hex digits), a device's own: answered as it is, with no new
 * string (a catalogue holds thousands), undefined for anything else, which the full reader reads or refuses.
 */
export function readStoredMac(text: string): string | undefined {
  if (text.length !== STORED_LENGTH) return undefined;
  let anyBit = 0;
  for (let index = 0; index < STORED_LENGTH; index += 1) {
    const digit = lowerHexValue(text.charCodeAt(index));
    if (digit < 0) return undefined;
    // The first octet's low bit marks a multicast (or broadcast) address.
    if (index === 1 && (digit & 1) === 1) return undefined;
    anyBit |= digit;
  }
  return anyBit === 0 ? undefined : text;
}

/** A MAC's 12 hex digits as two numbers of 24 bits: the first six digits, and the last six. */
export interface MacHalves {
  high: number;
  low: number;
}

/**
 * `readUsualMac` of `text` from `from` to `to`, its digits read into `halves` (true when they are a usual MAC):
 * an import file's lines are told apart by their MACs as numbers, read where they stand in the file's text, and
 * a MAC is made a string only when one is asked for.
 */
export function readUsualMacHalves(text: string, from: number, to: number, halves: MacHalves): boolean {
  if (to - from !== MAC_TEXT_LENGTH) return false;
  const separator = text.charCodeAt(from + 2);
  if (separator !== COLON && separator !== HYPHEN) return false;
  let high = 0;
  let low = 0;
  for (let offset = 0; offset < MAC_TEXT_LENGTH; offset += 3) {
    if (offset > 0 && text.charCodeAt(from + offset - 1) !== separator) return false;
    const first = hexValue(text.charCodeAt(from + offset));
    const second = hexValue(text.charCodeAt(from + offset + 1));
    if (first < 0 || second < 0) return false;
    if (offset < 9) high = high * 256 + first * 16 + second;
    else low = low * 256 + first * 16 + second;
  }
  // The first octet's low bit marks a multicast (or broadcast) address: no phone has one as its own.
  if ((high === 0 && low === 0) || ((high >> 16) & 1) === 1) return false;
  halves.high = high;
  halves.low = low;
  return true;
}

/** The 12 lowercase hex digits of a MAC's halves, made from character codes in one string. */
export function macDigits(high: number, low: number): string {
  return String.fromCharCode(
    hexCode(high >> 20),
    hexCode(high >> 16),
    hexCode(high >> 12),
    hexCode(high >> 8),
    hexCode(high >> 4),
    hexCode(high),
    hexCode(low >> 20),
    hexCode(low >> 16),
    hexCode(low >> 12),
    hexCode(low >> 8),
    hexCode(low >> 4),
    hexCode(low),
  );
}

/**
 * A MAC's halves as a report shows a MAC (`displayMac` in upper case: `48:7A:55:00:00:02`), made from character
 * codes in one string.
 */
export function displayMacHalves(high: number, low: number): string {
  return String.fromCharCode(
    hexCode(high >> 20, UPPER_A),
    hexCode(high >> 16, UPPER_A),
    COLON,
    hexCode(high >> 12, UPPER_A),
    hexCode(high >> 8, UPPER_A),
    COLON,
    hexCode(high >> 4, UPPER_A),
    hexCode(high, UPPER_A),
    COLON,
    hexCode(low >> 20, UPPER_A),
    hexCode(low >> 16, UPPER_A),
    COLON,
    hexCode(low >> 12, UPPER_A),
    hexCode(low >> 8, UPPER_A),
    COLON,
    hexCode(low >> 4, UPPER_A),
    hexCode(low, UPPER_A),
  );
}

/** The character code of the hex digit of a number's lowest four bits, its letters from `letterA` on. */
function hexCode(value: number, letterA = LOWER_A): number {
  const digit = value & 15;
  return digit < 10 ? DIGIT_ZERO + digit : letterA + digit - 10;
}

function lowerHexValue(code: number): number {
  if (code >= DIGIT_ZERO && code <= DIGIT_NINE) return code - DIGIT_ZERO;
  return code >= LOWER_A && code <= LOWER_F ? code - LOWER_A + 10 : -1;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
