const MAC_TEXT_LENGTH = 17;
const COLON = 0x3a;
const HYPHEN = 0x2d;

/**
 * The MAC of a device written the way nearly every file writes it (`48:7A:55:00:00:02`, `48-7a-55-00-00-02`),
 * read by character codes: no regular expression and no intermediate strings, as 100,000 lines of an import
 * take. Answers the 12 lowercase hex digits, or undefined for anything else (another notation, a multicast or
 * all-zero address, stray spaces), which the full reader then reads or refuses with its reason.
 */
export function readUsualMac(text: string): string | undefined {
  if (text.length !== MAC_TEXT_LENGTH) return undefined;
  const separator = text.charCodeAt(2);
  if (separator !== COLON && separator !== HYPHEN) return undefined;
  let allZero = true;
  for (let index = 0; index < MAC_TEXT_LENGTH; index += 1) {
    const code = text.charCodeAt(index);
    if (index % 3 === 2) {
      if (code !== separator) return undefined;
      continue;
    }
    const digit = hexValue(code);
    if (digit < 0) return undefined;
    if (digit !== 0) allZero = false;
  }
  // The first octet's low bit marks a multicast (or broadcast) address: no phone has one as its own.
  if (allZero || (hexValue(text.charCodeAt(1)) & 1) === 1) return undefined;
  let digits = '';
  for (let index = 0; index < MAC_TEXT_LENGTH; index += 3) digits += text.slice(index, index + 2);
  return digits.toLowerCase();
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
