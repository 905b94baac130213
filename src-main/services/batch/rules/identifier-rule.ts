import {
  displayMac,
  formatMac,
  macDigits,
  normaliseIpei,
  normaliseMac,
  parseDeviceIdentifier,
  readUsualMac,
  type DeviceIdentifierKind,
  type IdentifierResult,
  type MacHalves,
} from '../../../shared/identifiers';
import { IDENTIFIER_FIELDS, type ColumnMap, type ImportField } from '../columns';
import type { ImportLine } from '../import-lines';
import { quoted, type ProblemFactory, type RowProblem } from '../row-problem';

export interface DeviceIdentity {
  kind: DeviceIdentifierKind;
  /** Canonical: 12 (MAC) or 10 (IPEI) lowercase hex digits. */
  value: string;
}

/**
 * A MAC read as its halves (`readUsualMacHalves`), its string made only if asked for: a plain line's MAC
 * crosses from the import worker as its two numbers, and the report shows it made from them.
 */
export class UsualMacIdentity implements DeviceIdentity, MacHalves {
  readonly kind = 'mac';
  readonly high: number;
  readonly low: number;

  constructor(high: number, low: number) {
    this.high = high;
    this.low = low;
  }

  get value(): string {
    return macDigits(this.high, this.low);
  }
}

export interface IdentifierCheck {
  identity?: DeviceIdentity;
  /** The cell as written, for the report when it could not be read. */
  raw: string;
  /** The field the identifier came from (for locating duplicates). */
  field: ImportField;
  problems: RowProblem[];
}

const NUMBER_CELL_NOTE =
  ' The spreadsheet stored this cell as a number: format the column as Text before typing identifiers.';

/** Reads the line's MAC or IPEI from whichever identifier column holds it. */
export function checkIdentifier(
  line: ImportLine,
  columns: ColumnMap,
  problems: ProblemFactory,
): IdentifierCheck {
  const [field, second] = givenIdentifierFields(line.values);
  if (field === undefined) {
    const present = IDENTIFIER_FIELDS.find((candidate) => columns[candidate] !== undefined) ?? 'mac';
    return {
      raw: '',
      field: present,
      problems: [
        problems.at(
          present,
          'No MAC address or IPEI on this line: give the deskphone MAC (e.g. 48:7A:55:00:00:02) or the DECT ' +
            'handset IPEI (e.g. 03807E7898) from the device label.',
        ),
      ],
    };
  }
  const raw = line.values[field] ?? '';
  if (second !== undefined) {
    return {
      raw,
      field,
      problems: [
        problems.at(
          second,
          `This line has both a ${field} and a ${second} value; a device is identified by one of them only ` +
            '(a MAC for a deskphone, an IPEI for a DECT handset): keep the one printed on the device.',
        ),
      ],
    };
  }
  const read = readAs(field, raw);
  if (read.ok) return { identity: read.identity, raw, field, problems: [] };
  const note = line.numeric.includes(field) ? NUMBER_CELL_NOTE : '';
  return { raw, field, problems: [problems.at(field, `${read.reason}${note}`, read.suggestion)] };
}

/**
 * The identity of a line whose identifier `checkIdentifier` accepts as it is (one identifier cell, readable),
 * else undefined: the line's problem is then `checkIdentifier`'s to say.
 */
export function acceptedIdentity(values: ImportLine['values']): DeviceIdentity | undefined {
  // Nearly every line: a MAC alone, written the usual way. Read as `readAs` reads it, without its results.
  const { mac } = values;
  if (mac !== undefined && values.ipei === undefined && values.identifier === undefined) {
    const usual = readUsualMac(mac);
    if (usual !== undefined) return { kind: 'mac', value: usual };
  }
  const [field, second] = givenIdentifierFields(values);
  if (field === undefined || second !== undefined) return undefined;
  const read = readAs(field, values[field] ?? '');
  return read.ok ? read.identity : undefined;
}

/** The first two identifier fields the line has a value in (a list per line would be garbage by the 100,000). */
function givenIdentifierFields(
  values: ImportLine['values'],
): [ImportField | undefined, ImportField | undefined] {
  let first: ImportField | undefined;
  for (const field of IDENTIFIER_FIELDS) {
    if (values[field] === undefined) continue;
    if (first !== undefined) return [first, field];
    first = field;
  }
  return [first, undefined];
}

type Reading = { ok: true; identity: DeviceIdentity } | { ok: false; reason: string; suggestion?: string };

function readAs(field: ImportField, text: string): Reading {
  if (field === 'identifier') {
    const parsed = parseDeviceIdentifier(text);
    if (parsed.ok) return { ok: true, identity: { kind: parsed.kind, value: parsed.value } };
    return failed(parsed, undefined);
  }
  const kind: DeviceIdentifierKind = field === 'ipei' ? 'ipei' : 'mac';
  const read = kind === 'mac' ? normaliseMac(text) : normaliseIpei(text);
  if (read.ok) return { ok: true, identity: { kind, value: read.value } };
  const other = parseDeviceIdentifier(text);
  if (other.ok && other.kind !== kind) {
    return {
      ok: false,
      reason:
        kind === 'mac'
          ? `${quoted(text)} is a DECT handset IPEI, not a MAC address: put it in an "ipei" column.`
          : `${quoted(text)} is a deskphone MAC address, not an IPEI: put it in a "mac" column.`,
    };
  }
  return failed(read, kind);
}

function failed(
  read: Exclude<IdentifierResult, { ok: true }>,
  kind: DeviceIdentifierKind | undefined,
): Reading {
  if (read.suggestion === undefined) return { ok: false, reason: read.reason };
  const looksLikeMac = kind === 'mac' || (kind === undefined && read.suggestion.length === 12);
  return {
    ok: false,
    reason: read.reason,
    suggestion: looksLikeMac ? formatMac(read.suggestion, 'upper') : read.suggestion.toUpperCase(),
  };
}

/** `48:7A:55:00:00:02` or `03807E7898`: the identifier as printed on labels. */
export function displayIdentity({ kind, value }: DeviceIdentity): string {
  // The value is canonical already: grouped as it is, not read again as any notation `formatMac` takes.
  return kind === 'mac' ? displayMac(value, 'upper') : value.toUpperCase();
}
