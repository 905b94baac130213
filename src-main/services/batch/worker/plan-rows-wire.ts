import type { DeviceIdentifierKind } from '../../../shared/identifiers';
import type { DeviceRowAction, PlannedRow, RowAction, SubscriberRef } from '../plan';
import { describeRow, type DescribedRow } from '../planner';
import { reportStatus, subscriberText, type ReportMode, type ReportRow } from '../report';
import { displayIdentity } from '../rules/identifier-rule';
import type { MediaTransportProtocol, TransferMode } from '../rules/value-rules';
import type { RowProblem } from '../types';

/**
 * The plan's rows as the planner hands them on a slice at a time (plan-rows.ts): one array per row, its fields
 * by position, absent ones null. The id and the detail sentence are null when they are what the reader makes
 * from the row's other fields (`displayIdentity`, `describeRow`): the calling thread makes them, on the other
 * core, and the import worker need not make them at all for a plain line (plain-line.ts).
 * `fromTuple(toTuple(row))` is `JSON.parse(JSON.stringify(row))`.
 */
export type SubscriberTuple = [phoneNumberId: string, shortNumber: string, name: string | null];

export type RowTuple = [
  line: number,
  /** null: the identifier as printed on labels (`displayIdentity`). */
  id: string | null,
  action: RowAction,
  errors: readonly RowProblem[],
  warnings: readonly string[],
  /** null: `describeRow` of the row. */
  detail: string | null,
  kind: DeviceIdentifierKind | null,
  identifier: string | null,
  modelId: number | null,
  modelName: string | null,
  subscriber: SubscriberTuple | null,
  transferMode: TransferMode | null,
  mediaTransportProtocol: MediaTransportProtocol | null,
  description: string | null,
  existingDeviceId: string | null,
  existingSubscriber: SubscriberTuple | null,
];

/**
 * A slice of rows as it crosses from the import worker, by columns: `numbers` holds `FIELDS` numbers per row
 * (copied as it crosses: see import-worker.ts); a string that repeats from row to row (an action, a model's name, a subscriber's
 * fields) is an index into `atoms`; the strings of each row's own (identifier, description, device id, and the
 * id and detail when sent) follow one another in `text`, their lengths in `numbers`; the few rows with errors or
 * warnings carry them in `extras`. The calling thread makes the report's rows straight from a slice
 * (`reportRowsOf`) and the plan's only when they are asked for (`decodePlannedRows`): it holds 100,000 rows for as
 * long as the report lives, and making each of them twice, as JSON text of the tuples did, was most of the
 * validation's CPU time, measured.
 */
export interface RowSlice {
  numbers: Float64Array<ArrayBuffer>;
  text: string;
  /** JSON text of the distinct strings, in the order the numbers index them. */
  atoms: string;
  /** JSON text of the `Extra`s, by position. */
  extras: string;
}

type Extra = [position: number, errors: readonly RowProblem[], warnings: readonly string[]];

const NONE = -1;
/**
 * The errors and warnings of the many rows that have none, in tuples and report rows: one list for all of them
 * (two fewer objects a line to make and collect), frozen, which no reader changes.
 */
export const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);
export const NO_WARNINGS: readonly string[] = Object.freeze([]);
/** Where each field of a row sits among its numbers. Texts follow one another in this order. */
const Field = {
  Line: 0,
  Action: 1,
  Kind: 2,
  ModelId: 3,
  ModelName: 4,
  SubscriberId: 5,
  SubscriberNumber: 6,
  SubscriberName: 7,
  TransferMode: 8,
  Media: 9,
  HolderId: 10,
  HolderNumber: 11,
  HolderName: 12,
  IdentifierLength: 13,
  DescriptionLength: 14,
  DeviceIdLength: 15,
  IdLength: 16,
  DetailLength: 17,
} as const;
const FIELDS = 18;

export function encodePlannedRows(rows: readonly PlannedRow[]): RowSlice {
  return encodeRowTuples(rows.map(toTuple));
}

export function encodeRowTuples(tuples: readonly RowTuple[]): RowSlice {
  const writer = new RowSliceWriter(tuples.length);
  for (const tuple of tuples) writer.add(tuple);
  return writer.slice();
}

/**
 * Writes a slice's rows one by one: a method called once per row is optimised as soon as it is hot, where one
 * loop over a slice's 10,000 rows, run ten times, waited for on-stack replacement (encoding the bench's ten
 * slices cold took 75 ms that way, 64 ms this way, measured).
 */
class RowSliceWriter {
  readonly #numbers: Float64Array<ArrayBuffer>;
  readonly #atoms = new Map<string, number>();
  /** Each row's own strings, one after the other (an array of them deoptimised `add` as the extras did). */
  #strings = '';
  /**
   * By position. A map: a new writer's empty array held numbers until its first extra came, and the optimised
   * `add`, which had seen arrays of arrays, was thrown away at that row in each slice.
   */
  readonly #extras = new Map<number, Extra>();
  #position = 0;

  constructor(rows: number) {
    this.#numbers = new Float64Array(rows * FIELDS);
  }

  add(tuple: RowTuple): void {
    const numbers = this.#numbers;
    const position = this.#position;
    const at = position * FIELDS;
    const modelId = tuple[8];
    numbers[at + Field.Line] = tuple[0];
    numbers[at + Field.Action] = this.#atom(tuple[2]);
    numbers[at + Field.Kind] = this.#atom(tuple[6]);
    numbers[at + Field.ModelId] = modelId ?? NONE;
    numbers[at + Field.ModelName] = modelId === null ? NONE : this.#atom(tuple[9]);
    this.#subscriber(at + Field.SubscriberId, tuple[10]);
    numbers[at + Field.TransferMode] = this.#atom(tuple[11]);
    numbers[at + Field.Media] = this.#atom(tuple[12]);
    this.#subscriber(at + Field.HolderId, tuple[15]);
    this.#text(at + Field.IdentifierLength, tuple[7]);
    this.#text(at + Field.DescriptionLength, tuple[13]);
    this.#text(at + Field.DeviceIdLength, tuple[14]);
    this.#text(at + Field.IdLength, tuple[1]);
    this.#text(at + Field.DetailLength, tuple[5]);
    const errors = tuple[3];
    const warnings = tuple[4];
    if (errors.length > 0 || warnings.length > 0) this.#extras.set(position, [position, errors, warnings]);
    this.#position = position + 1;
  }

  slice(): RowSlice {
    return {
      numbers: this.#numbers,
      text: this.#strings,
      atoms: JSON.stringify([...this.#atoms.keys()]),
      extras: JSON.stringify([...this.#extras.values()]),
    };
  }

  #atom(value: string | null): number {
    if (value === null) return NONE;
    let at = this.#atoms.get(value);
    if (at === undefined) {
      at = this.#atoms.size;
      this.#atoms.set(value, at);
    }
    return at;
  }

  #subscriber(at: number, subscriber: SubscriberTuple | null): void {
    const numbers = this.#numbers;
    numbers[at] = subscriber === null ? NONE : this.#atom(subscriber[0]);
    numbers[at + 1] = subscriber === null ? NONE : this.#atom(subscriber[1]);
    numbers[at + 2] = subscriber === null ? NONE : this.#atom(subscriber[2]);
  }

  #text(at: number, value: string | null): void {
    this.#numbers[at] = value === null ? NONE : value.length;
    if (value !== null) this.#strings += value;
  }
}

/** One row of a slice as it is read: the same object for every row of the slice, which no caller keeps. */
interface WireRow {
  line: number;
  id: string;
  action: RowAction;
  errors: readonly RowProblem[] | undefined;
  warnings: readonly string[] | undefined;
  detail: string;
  kind: DeviceIdentifierKind | undefined;
  identifier: string | undefined;
  modelId: number;
  modelName: string | undefined;
  subscriber: WireSubscriber;
  transferMode: TransferMode | undefined;
  media: MediaTransportProtocol | undefined;
  description: string | undefined;
  deviceId: string | undefined;
  holder: WireSubscriber;
}

interface WireSubscriber {
  phoneNumberId: string | undefined;
  shortNumber: string;
  name: string | undefined;
}

function readRows<T>(slice: RowSlice, make: (row: WireRow) => T): T[] {
  const { numbers, text } = slice;
  const atoms = JSON.parse(slice.atoms) as string[];
  // A field with no value is NONE: answered without looking -1 up in the array (a lookup by property name).
  const atom = (at: number): string | undefined => {
    const index = numbers[at] as number;
    return index === NONE ? undefined : atoms[index];
  };
  const extras = JSON.parse(slice.extras) as Extra[];
  let offset = 0;
  const textAt = (at: number): string | undefined => {
    const length = numbers[at] as number;
    if (length === NONE) return undefined;
    offset += length;
    return text.slice(offset - length, offset);
  };
  const readSubscriber = (subscriber: WireSubscriber, at: number): void => {
    subscriber.phoneNumberId = atom(at);
    subscriber.shortNumber = atom(at + 1) ?? '';
    subscriber.name = atom(at + 2);
  };
  const row: WireRow = {
    line: 0,
    id: '',
    action: 'invalid',
    errors: undefined,
    warnings: undefined,
    detail: '',
    kind: undefined,
    identifier: undefined,
    modelId: 0,
    modelName: undefined,
    subscriber: { phoneNumberId: undefined, shortNumber: '', name: undefined },
    transferMode: undefined,
    media: undefined,
    description: undefined,
    deviceId: undefined,
    holder: { phoneNumberId: undefined, shortNumber: '', name: undefined },
  };
  const describe = wireDescriber();
  const made: T[] = [];
  let nextExtra = 0;
  for (let at = 0, position = 0; at < numbers.length; at += FIELDS, position += 1) {
    // Never read past the last extra: an out-of-bounds read deoptimised this loop at the end of each slice.
    const extra =
      nextExtra < extras.length && extras[nextExtra]?.[0] === position ? extras[nextExtra++] : undefined;
    row.line = numbers[at + Field.Line] as number;
    row.action = atom(at + Field.Action) as RowAction;
    row.errors = extra?.[1];
    row.warnings = extra?.[2];
    row.kind = atom(at + Field.Kind) as DeviceIdentifierKind | undefined;
    row.modelId = numbers[at + Field.ModelId] as number;
    row.modelName = atom(at + Field.ModelName);
    readSubscriber(row.subscriber, at + Field.SubscriberId);
    row.transferMode = atom(at + Field.TransferMode) as TransferMode | undefined;
    row.media = atom(at + Field.Media) as MediaTransportProtocol | undefined;
    readSubscriber(row.holder, at + Field.HolderId);
    row.identifier = textAt(at + Field.IdentifierLength);
    row.description = textAt(at + Field.DescriptionLength);
    row.deviceId = textAt(at + Field.DeviceIdLength);
    complete(row, textAt(at + Field.IdLength), textAt(at + Field.DetailLength), describe);
    made.push(make(row));
  }
  return made;
}

/** The row's id and detail: as sent, or made from its other fields when left out (as the planner made them). */
function complete(
  row: WireRow,
  id: string | null | undefined,
  detail: string | null | undefined,
  describe: (row: WireRow) => DescribedRow,
): void {
  row.id = id ?? derivedId(row);
  row.detail = detail ?? describeRow(describe(row), row.action as DeviceRowAction);
}

function derivedId({ kind, identifier }: WireRow): string {
  return kind === undefined || identifier === undefined ? '' : displayIdentity({ kind, value: identifier });
}

/**
 * What `describeRow` reads of a row, as its plan row has it. The describer writes it in one object, again for
 * each row, which `describeRow` does not keep: reading 100,000 rows made five objects each for it.
 */
function wireDescriber(): (row: WireRow) => DescribedRow {
  const model = { id: 0, name: '' };
  const existing: { deviceId: string; subscriber: SubscriberRef | undefined } = {
    deviceId: '',
    subscriber: undefined,
  };
  const described: DescribedRow = {
    model: undefined,
    description: undefined,
    subscriber: undefined,
    existing: undefined,
    errors: NO_PROBLEMS,
  };
  const asRef = (subscriber: WireSubscriber): SubscriberRef | undefined =>
    subscriber.phoneNumberId === undefined ? undefined : (subscriber as SubscriberRef);
  return (row) => {
    model.id = row.modelId;
    model.name = row.modelName ?? '';
    described.model = row.modelName === undefined ? undefined : model;
    described.description = row.description;
    described.subscriber = asRef(row.subscriber);
    existing.deviceId = row.deviceId ?? '';
    existing.subscriber = asRef(row.holder);
    described.existing = row.deviceId === undefined ? undefined : existing;
    described.errors = row.errors ?? NO_PROBLEMS;
    return described;
  };
}

/** The plan's rows of a slice, as `fromTuple` makes them from their tuples. */
export function decodePlannedRows(slice: RowSlice): PlannedRow[] {
  return readRows(slice, plannedRow);
}

/** The report's rows of a slice, as `reportRow` makes them from the plan's rows (no outcome yet). */
export function reportRowsOf(slice: RowSlice, mode: ReportMode): ReportRow[] {
  return readRows(slice, (row) => {
    const { action, kind, modelName, subscriber, description } = row;
    const errors = row.errors ?? NO_PROBLEMS;
    const warnings = row.warnings ?? NO_WARNINGS;
    const status = reportStatus(action, mode, undefined);
    const deviceId = row.deviceId ?? null;
    const { phoneNumberId } = subscriber;
    // A row with every field (most rows) is made in one go with its final shape, as `reportRow` orders them.
    if (
      kind !== undefined &&
      modelName !== undefined &&
      phoneNumberId !== undefined &&
      description !== undefined
    ) {
      return {
        line: row.line,
        id: row.id,
        action,
        status,
        deviceId,
        errors,
        detail: row.detail,
        warnings,
        kind,
        model: modelName,
        subscriber: subscriberText(subscriber),
        description,
      };
    }
    const result: ReportRow = {
      line: row.line,
      id: row.id,
      action,
      status,
      deviceId,
      errors,
      detail: row.detail,
      warnings,
    };
    if (kind !== undefined) result.kind = kind;
    if (modelName !== undefined) result.model = modelName;
    if (phoneNumberId !== undefined) result.subscriber = subscriberText(subscriber);
    if (description !== undefined) result.description = description;
    return result;
  });
}

function plannedRow(wire: WireRow): PlannedRow {
  const row: PlannedRow = {
    line: wire.line,
    id: wire.id,
    action: wire.action,
    // A plan's row is its own to change: it never holds a tuple's lists, which may be the shared empty ones.
    errors: [...(wire.errors ?? [])],
    warnings: [...(wire.warnings ?? [])],
    detail: wire.detail,
  };
  if (wire.kind !== undefined) row.kind = wire.kind;
  if (wire.identifier !== undefined) row.identifier = wire.identifier;
  if (wire.modelName !== undefined) row.model = { id: wire.modelId, name: wire.modelName };
  const subscriber = subscriberRef(wire.subscriber);
  if (subscriber !== undefined) row.subscriber = subscriber;
  if (wire.transferMode !== undefined) row.transferMode = wire.transferMode;
  if (wire.media !== undefined) row.mediaTransportProtocol = wire.media;
  if (wire.description !== undefined) row.description = wire.description;
  if (wire.deviceId !== undefined) {
    const holder = subscriberRef(wire.holder);
    row.existing =
      holder === undefined ? { deviceId: wire.deviceId } : { deviceId: wire.deviceId, subscriber: holder };
  }
  return row;
}

function subscriberRef({ phoneNumberId, shortNumber, name }: WireSubscriber): SubscriberRef | undefined {
  if (phoneNumberId === undefined) return undefined;
  return name === undefined ? { phoneNumberId, shortNumber } : { phoneNumberId, shortNumber, name };
}

export function toTuple(row: PlannedRow): RowTuple {
  const { kind, identifier, action } = row;
  const derivedId =
    kind === undefined || identifier === undefined ? undefined : displayIdentity({ kind, value: identifier });
  const derivedDetail = action === 'replace' ? undefined : describeRow(row, action);
  return [
    row.line,
    row.id === derivedId ? null : row.id,
    action,
    row.errors,
    row.warnings,
    row.detail === derivedDetail ? null : row.detail,
    row.kind ?? null,
    row.identifier ?? null,
    row.model?.id ?? null,
    row.model?.name ?? null,
    row.subscriber === undefined ? null : subscriberTuple(row.subscriber),
    row.transferMode ?? null,
    row.mediaTransportProtocol ?? null,
    row.description ?? null,
    row.existing?.deviceId ?? null,
    row.existing?.subscriber === undefined ? null : subscriberTuple(row.existing.subscriber),
  ];
}

export function subscriberTuple({ phoneNumberId, shortNumber, name }: SubscriberRef): SubscriberTuple {
  return [phoneNumberId, shortNumber, name ?? null];
}

/** The row with the fields the planner gives it, in its order; absent ones left out, as JSON leaves them. */
export function fromTuple(tuple: RowTuple): PlannedRow {
  const [line, id, action, errors, warnings, detail, kind, identifier, modelId, modelName] = tuple;
  const [, , , , , , , , , , subscriber, transferMode, media, description, deviceId, holder] = tuple;
  const row: WireRow = {
    line,
    id: '',
    action,
    errors,
    warnings,
    detail: '',
    kind: kind ?? undefined,
    identifier: identifier ?? undefined,
    modelId: modelId ?? NONE,
    modelName: modelId === null ? undefined : (modelName ?? undefined),
    subscriber: wireSubscriber(subscriber),
    transferMode: transferMode ?? undefined,
    media: media ?? undefined,
    description: description ?? undefined,
    deviceId: deviceId ?? undefined,
    holder: wireSubscriber(holder),
  };
  complete(row, id, detail, wireDescriber());
  return plannedRow(row);
}

function wireSubscriber(tuple: SubscriberTuple | null): WireSubscriber {
  return tuple === null
    ? { phoneNumberId: undefined, shortNumber: '', name: undefined }
    : { phoneNumberId: tuple[0], shortNumber: tuple[1], name: tuple[2] ?? undefined };
}
