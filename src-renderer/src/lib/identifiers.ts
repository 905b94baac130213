/**
 * Display forms of the identifiers the API stores (12 lowercase hex digits for a MAC, 10 for an IPEI). Reading
 * what a technician typed is the core's job (`devices.checkIdentifier`); these only format stored values, so the
 * device list can show them without a call per row.
 */

const MAC_DIGITS = /^[0-9a-f]{12}$/i;
const IPEI_HEX = /^0[0-9a-f]{9}$/i;

/** `487a55000002` → `48:7a:55:00:00:02`; anything else is shown as it is. */
export function formatMac(mac: string): string {
  if (!MAC_DIGITS.test(mac)) return mac;
  return (mac.toLowerCase().match(/../g) ?? []).join(':');
}

/** `03807e7898` → `03807E7898`, as printed on handset labels. */
export function formatIpei(ipei: string): string {
  return ipei.toUpperCase();
}

/**
 * `03807e7898` → `14343 0948376 *`: the manufacturer code in 5 digits, the serial number in 7, then the check
 * digit (each of the 12 digits times its position, modulo 11, 10 written `*`). Undefined for a malformed IPEI.
 */
export function ipeiDecimal(ipei: string): string | undefined {
  if (!IPEI_HEX.test(ipei)) return undefined;
  const emc = String(Number.parseInt(ipei.slice(1, 5), 16)).padStart(5, '0');
  const psn = String(Number.parseInt(ipei.slice(5), 16)).padStart(7, '0');
  const digits = emc + psn;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) sum += Number(digits[index]) * (index + 1);
  const check = sum % 11;
  return `${emc} ${psn} ${check === 10 ? '*' : String(check)}`;
}
