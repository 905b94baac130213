/**
 * What each line of a keys sheet will do: checked with the shared key validator (the drawer's and
 * `device key-set`'s rules) against the device it names, then compared with the key at its place. Pure.
 */
import { normaliseIpei, normaliseMac } from '../../../shared/identifiers';
import {
  DESKPHONE_MODULE,
  draftOfKey,
  isLockedKey,
  keyNumber,
  keyProblems,
  KEY_TYPES,
  moduleOf,
  sameKey,
  destinationText,
  type KeyDraft,
  type KeyTarget,
  type KeyType,
  type ProgrammableKey,
} from '../../../shared/keys';
import type { PlannedRow } from '../../batch/plan';
import { ProblemFactory, quoted, type RowProblem } from '../../batch/row-problem';
import type { KeySheetColumns, KeySheetField, KeySheetLine } from './keys-sheet';

/** A device a keys sheet names, and what its keys are checked against (its keys now included). */
export interface KeySheetDevice {
  deviceId: string;
  target: KeyTarget;
}

/** What the lines are checked against: the CloudPBX's devices and subscribers. */
export interface KeySheetDirectory {
  /** The device with this identifier (12 or 10 lowercase hex digits); undefined when it is not on the CloudPBX. */
  device(kind: 'mac' | 'ipei', identifier: string): KeySheetDevice | undefined;
  subscriber(shortNumber: string): { phoneNumberId: string } | undefined;
}

/** A line of the plan; `draft` is the key to send (absent on an invalid line). */
export interface PlannedKeyRow extends PlannedRow {
  draft?: KeyDraft;
}

/** The sheet column a field of the validator's draft comes from. */
const COLUMN_OF: Readonly<Record<keyof KeyDraft, KeySheetField>> = {
  keyNum: 'key',
  moduleId: 'module',
  keyType: 'type',
  displayName: 'label',
  number: 'number',
  phoneNumberId: 'subscriber',
  groupId: 'group',
};

const TYPE_BY_NAME = new Map<string, KeyType>(KEY_TYPES.map((type) => [type.replace('_', ''), type]));

export function planKeyLines(
  lines: readonly KeySheetLine[],
  columns: KeySheetColumns,
  directory: KeySheetDirectory,
): PlannedKeyRow[] {
  const problems = new ProblemFactory<KeySheetField>(columns);
  const rows = lines.map((line) => planLine(line, problems, directory));
  flagDuplicates(rows, problems);
  return rows;
}

function planLine(
  line: KeySheetLine,
  problems: ProblemFactory<KeySheetField>,
  directory: KeySheetDirectory,
): PlannedKeyRow {
  const { values } = line;
  const row: PlannedKeyRow = {
    line: line.line,
    id: values.mac ?? values.ipei ?? '',
    action: 'invalid',
    errors: [...line.problems],
    warnings: [],
    detail: '',
  };
  const device = readDevice(line, row, problems, directory);
  const draft = readDraft(line, row.errors, problems, directory);
  if (device !== undefined) row.existing = { deviceId: device.deviceId };
  if (device === undefined || draft === undefined || row.errors.length > 0) return invalid(row);
  row.errors.push(
    ...keyProblems(draft, device.target).map((problem) =>
      problems.at(COLUMN_OF[problem.field], problem.message),
    ),
  );
  if (row.errors.length > 0) return invalid(row);
  row.draft = draft;
  const occupant = device.target.existing.find(
    (key) => moduleOf(key) === draft.moduleId && keyNumber(key) === draft.keyNum,
  );
  const current = occupant === undefined || isLockedKey(occupant) ? undefined : draftOfKey(occupant);
  if (occupant === undefined) {
    row.action = 'create';
    row.detail = `Create ${placeOf(draft)}: ${describeDraft(draft, values.subscriber)}.`;
  } else if (current !== undefined && sameKey(current, draft)) {
    row.action = 'skip';
    row.detail = `${capitalised(placeOf(draft))} is already ${describeDraft(draft, values.subscriber)}: nothing to do.`;
  } else {
    row.action = 'replace';
    row.detail =
      `Replace ${placeOf(draft)} (now ${describeKey(occupant)}) with ` +
      `${describeDraft(draft, values.subscriber)}.`;
  }
  return row;
}

function invalid(row: PlannedKeyRow): PlannedKeyRow {
  row.action = 'invalid';
  row.detail = `Not imported: ${row.errors.length} problem${row.errors.length === 1 ? '' : 's'} to fix.`;
  return row;
}

/** The canonical MACs and IPEIs the lines name, to read those devices' keys before planning. */
export function identifiersOf(lines: readonly KeySheetLine[]): Set<string> {
  return new Set(lines.flatMap((line) => identifierOf(line) ?? []));
}

function identifierOf(line: KeySheetLine): string | undefined {
  const { mac, ipei } = line.values;
  const read = mac !== undefined ? normaliseMac(mac) : ipei !== undefined ? normaliseIpei(ipei) : undefined;
  return read?.ok === true ? read.value : undefined;
}

function readDevice(
  line: KeySheetLine,
  row: PlannedKeyRow,
  problems: ProblemFactory<KeySheetField>,
  directory: KeySheetDirectory,
): KeySheetDevice | undefined {
  const { mac, ipei } = line.values;
  if (mac !== undefined && ipei !== undefined) {
    row.errors.push(problems.at('ipei', 'Give the device by its mac or by its ipei, not both.'));
    return undefined;
  }
  const kind = mac === undefined ? 'ipei' : 'mac';
  const text = mac ?? ipei;
  if (text === undefined) {
    row.errors.push(
      problems.at('mac', 'No device: give its MAC address (deskphone) or its IPEI (DECT handset).'),
    );
    return undefined;
  }
  const read = kind === 'mac' ? normaliseMac(text) : normaliseIpei(text);
  if (!read.ok) {
    row.errors.push(problems.at(kind, read.reason, read.suggestion));
    return undefined;
  }
  row.kind = kind;
  row.identifier = read.value;
  const device = directory.device(kind, read.value);
  if (device === undefined) {
    row.errors.push(
      problems.at(
        kind,
        `No device with this ${kind === 'mac' ? 'MAC address' : 'IPEI'} is on the CloudPBX: add it first ` +
          '(`fieldkit import`, or the Import screen).',
      ),
    );
  }
  return device;
}

/** The key the line asks for, or undefined (with its problems) when a cell cannot be read. */
function readDraft(
  line: KeySheetLine,
  errors: RowProblem[],
  problems: ProblemFactory<KeySheetField>,
  directory: KeySheetDirectory,
): KeyDraft | undefined {
  const { values } = line;
  const moduleId = values.module === undefined ? DESKPHONE_MODULE : wholeNumber(values.module);
  if (moduleId === undefined || moduleId > 3) {
    errors.push(
      problems.at(
        'module',
        `The module is 0 (or empty) for the phone itself, 1 to 3 for its expansion modules, not ${quoted(values.module ?? '')}.`,
      ),
    );
  }
  const keyNum = values.key === undefined ? undefined : wholeNumber(values.key);
  if (keyNum === undefined || keyNum < 1) {
    errors.push(
      problems.at(
        'key',
        values.key === undefined
          ? 'No key number: give the key’s number on the phone or module, from 1.'
          : `The key number is a whole number from 1, not ${quoted(values.key)}.`,
      ),
    );
  }
  const keyType = values.type === undefined ? undefined : TYPE_BY_NAME.get(normalisedType(values.type));
  if (keyType === undefined) {
    const given = values.type === undefined ? 'No key type' : `${quoted(values.type)} is not a key type`;
    errors.push(problems.at('type', `${given}: give one of ${KEY_TYPES.join(', ')}.`));
  }
  const phoneNumberId = subscriberOf(values.subscriber, errors, problems, directory);
  if (moduleId === undefined || keyNum === undefined || keyType === undefined || errors.length > 0) {
    return undefined;
  }
  const draft: KeyDraft = { keyNum, keyType, moduleId };
  if (values.label !== undefined) draft.displayName = values.label;
  if (values.number !== undefined) draft.number = values.number;
  if (phoneNumberId !== undefined) draft.phoneNumberId = phoneNumberId;
  if (values.group !== undefined) draft.groupId = values.group;
  return draft;
}

function subscriberOf(
  shortNumber: string | undefined,
  errors: RowProblem[],
  problems: ProblemFactory<KeySheetField>,
  directory: KeySheetDirectory,
): string | undefined {
  if (shortNumber === undefined) return undefined;
  const subscriber = directory.subscriber(shortNumber);
  if (subscriber === undefined) {
    errors.push(
      problems.at(
        'subscriber',
        `The CloudPBX has no subscriber with the short number ${quoted(shortNumber)}.`,
      ),
    );
  }
  return subscriber?.phoneNumberId;
}

/** Two lines for the same key of the same device: neither is applied, each names the other. */
function flagDuplicates(rows: PlannedKeyRow[], problems: ProblemFactory<KeySheetField>): void {
  const byPlace = new Map<string, PlannedKeyRow[]>();
  for (const row of rows) {
    if (row.draft === undefined || row.existing === undefined) continue;
    const place = `${row.existing.deviceId}/${row.draft.moduleId}/${row.draft.keyNum}`;
    byPlace.set(place, [...(byPlace.get(place) ?? []), row]);
  }
  for (const same of byPlace.values()) {
    if (same.length < 2) continue;
    for (const row of same) {
      const others = same.filter((other) => other !== row).map((other) => other.line);
      row.errors.push(
        problems.at(
          'key',
          `Line${others.length === 1 ? '' : 's'} ${others.join(', ')} also set${others.length === 1 ? 's' : ''} ` +
            `${row.draft === undefined ? 'this key' : placeOf(row.draft)} of this device: keep one line per key.`,
        ),
      );
      delete row.draft;
      invalid(row);
    }
  }
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

function normalisedType(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

export function placeOf(draft: Pick<KeyDraft, 'keyNum' | 'moduleId'>): string {
  return draft.moduleId === DESKPHONE_MODULE
    ? `key ${draft.keyNum}`
    : `key ${draft.keyNum} of module ${draft.moduleId}`;
}

function describeDraft(draft: KeyDraft, shortNumber: string | undefined): string {
  const destination =
    shortNumber === undefined
      ? [draft.displayName, draft.number, draft.groupId].filter(Boolean).join(' ')
      : [draft.displayName, shortNumber].filter(Boolean).join(' ');
  return destination === '' ? `a ${draft.keyType} key` : `${draft.keyType} ${destination}`;
}

function describeKey(key: ProgrammableKey): string {
  const destination = key.groupId ?? destinationText(key);
  return destination === '' ? `a ${key.keyType} key` : `${key.keyType} ${destination}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
