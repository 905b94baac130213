import { displayMacHalves, macDigits, type DeviceIdentifierKind } from '../../../shared/identifiers';
import type { CatalogModel } from '../../catalog';
import type { DeviceRowAction, PlannedRow, RowAction, SubscriberRef } from '../plan';
import { describeRow, type DescribedRow } from '../planner';
import { reportStatus, subscriberText, type ReportMode, type ReportRow } from '../report';
import { displayIdentity, UsualMacIdentity, type DeviceIdentity } from '../rules/identifier-rule';
import type { MediaTransportProtocol, TransferMode } from '../rules/value-rules';
import type { RowProblem } from '../types';

/**
 * A slice of the plan's rows as it crosses from the import worker, by columns: `numbers` holds `FIELDS` numbers
 * per row (copied as it crosses: see import-worker.ts); a string that repeats from row to row (an action, a
 * model's name, a subscriber's fields) is an index into `atoms`; a plain line's MAC is its two numbers (read
 * as such from the file: `UsualMacIdentity`); the strings of each row's own (any other identifier, description,
 * device id, detail, and the id when it is not what the reader makes of the identifier, `displayIdentity`)
 * follow one another in `text`, from where the row's numbers say, their lengths in `numbers`;
 * the few rows with errors or warnings carry them in `extras`. The calling thread makes the report's rows
 * straight from a slice (`reportRowsOf`) and the plan's only when they are asked for (`decodePlannedRows`): it
 * holds 100,000 rows for as long as the report lives, and making each of them twice, as JSON text of the rows
 * did, was most of the validation's CPU time, measured. A plain line's id is made there, on the other core; its
 * detail sentence is written by the worker, where it is a piece of one string: made on the calling thread, each
 * sentence was several new strings kept for as long as the report, and copying them from one generation of the
 * heap to the next made the calling thread the last to finish.
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
 * The errors and warnings of the many rows that have none, in report rows: one list for all of them
 * (two fewer objects a line to make and collect), frozen, which no reader changes.
 */
const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);
const NO_WARNINGS: readonly string[] = Object.freeze([]);
/**
 * Where each field of a row sits among its numbers. A row's own texts follow one another in the text, in this
 * order, from `TextStart` on.
 */
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
  TextStart: 18,
  /** A plain line's MAC as its halves (`UsualMacIdentity`), its identifier then no text; else NONE. */
  MacHigh: 19,
  MacLow: 20,
} as const;
const FIELDS = 21;

export function encodePlannedRows(rows: readonly PlannedRow[]): RowSlice {
  const writer = new RowSliceWriter(rows.length);
  rows.forEach((row, position) => writer.addRow(position, row));
  return writer.slice();
}

/** How many rows a slice holds. */
export function rowCount(slice: RowSlice): number {
  return slice.numbers.length / FIELDS;
}

/**
 * Writes a slice's rows, each at its position and in any order: the planner writes a plain line as soon as it
 * knows it is one (plain-line.ts) and the lines checked by every rule after them (plan-rows.ts). A plain line is
 * written from its values, with no row or tuple made for it: 100,000 tuples of 16 values, made and then read
 * back, were a tenth of the worker's planning. One method call per row: a method called once per row is
 * optimised as soon as it is hot, where one loop over a slice's 10,000 rows, run ten times, waited for
 * on-stack replacement (encoding the bench's ten slices cold took 75 ms that way, 64 ms this way, measured).
 */
export class RowSliceWriter {
  readonly #numbers: Float64Array<ArrayBuffer>;
  readonly #atoms = new Map<string, number>();
  /** Each row's own strings, one after the other (an array of them deoptimised `add` as the extras did). */
  #strings = '';
  /**
   * By position. A map: a new writer's empty array held numbers until its first extra came, and the optimised
   * `add`, which had seen arrays of arrays, was thrown away at that row in each slice.
   */
  readonly #extras = new Map<number, Extra>();

  constructor(rows: number) {
    this.#numbers = new Float64Array(rows * FIELDS);
  }

  /**
   * A plain line's row: no errors, warnings, transfer mode or media protocol; its id is what the reader makes of
   * its identifier, its detail the sentence the planner writes (`describeRow`).
   */
  addPlain(
    position: number,
    line: number,
    action: RowAction,
    identity: DeviceIdentity,
    model: CatalogModel,
    subscriber: SubscriberRef | undefined,
    description: string,
    deviceId: string | undefined,
    holder: SubscriberRef | undefined,
  ): void {
    const numbers = this.#numbers;
    const at = this.#begin(position, line, action);
    numbers[at + Field.Kind] = this.#atom(identity.kind);
    numbers[at + Field.ModelId] = model.id;
    numbers[at + Field.ModelName] = this.#atom(model.model);
    this.#subscriber(at + Field.SubscriberId, subscriber);
    numbers[at + Field.TransferMode] = NONE;
    numbers[at + Field.Media] = NONE;
    this.#subscriber(at + Field.HolderId, holder);
    if (identity instanceof UsualMacIdentity) {
      numbers[at + Field.MacHigh] = identity.high;
      numbers[at + Field.MacLow] = identity.low;
      numbers[at + Field.IdentifierLength] = NONE;
    } else {
      numbers[at + Field.MacHigh] = NONE;
      this.#text(at + Field.IdentifierLength, identity.value);
    }
    this.#text(at + Field.DescriptionLength, description);
    this.#text(at + Field.DeviceIdLength, deviceId);
    numbers[at + Field.IdLength] = NONE;
    this.#text(
      at + Field.DetailLength,
      this.#describe(action, model, description, subscriber, deviceId, holder),
    );
  }

  /** What `describeRow` reads of a plain line: the same objects, written again for each line (it keeps none). */
  readonly #described = {
    row: {
      model: undefined,
      description: undefined,
      subscriber: undefined,
      existing: undefined,
      errors: NO_PROBLEMS,
    } as DescribedRow,
    model: { id: 0, name: '' },
    existing: { deviceId: '', subscriber: undefined as SubscriberRef | undefined },
  };

  #describe(
    action: RowAction,
    model: CatalogModel,
    description: string,
    subscriber: SubscriberRef | undefined,
    deviceId: string | undefined,
    holder: SubscriberRef | undefined,
  ): string {
    const described = this.#described;
    described.model.id = model.id;
    described.model.name = model.model;
    described.existing.deviceId = deviceId ?? '';
    described.existing.subscriber = holder;
    const { row } = described;
    row.model = described.model;
    row.description = description;
    row.subscriber = subscriber;
    row.existing = deviceId === undefined ? undefined : described.existing;
    return describeRow(row, action as DeviceRowAction);
  }

  addRow(position: number, row: PlannedRow): void {
    const { kind, identifier, action, model, errors, warnings } = row;
    const numbers = this.#numbers;
    const at = this.#begin(position, row.line, action);
    numbers[at + Field.Kind] = this.#atom(kind);
    numbers[at + Field.ModelId] = model?.id ?? NONE;
    numbers[at + Field.ModelName] = this.#atom(model?.name);
    this.#subscriber(at + Field.SubscriberId, row.subscriber);
    numbers[at + Field.TransferMode] = this.#atom(row.transferMode);
    numbers[at + Field.Media] = this.#atom(row.mediaTransportProtocol);
    this.#subscriber(at + Field.HolderId, row.existing?.subscriber);
    numbers[at + Field.MacHigh] = NONE;
    this.#text(at + Field.IdentifierLength, identifier);
    this.#text(at + Field.DescriptionLength, row.description);
    this.#text(at + Field.DeviceIdLength, row.existing?.deviceId);
    // The id and the detail are sent only when they are not what the reader makes from the other fields.
    const derivedId =
      kind === undefined || identifier === undefined
        ? undefined
        : displayIdentity({ kind, value: identifier });
    this.#text(at + Field.IdLength, row.id === derivedId ? undefined : row.id);
    this.#text(at + Field.DetailLength, row.detail);
    if (errors.length > 0 || warnings.length > 0) this.#extras.set(position, [position, errors, warnings]);
  }

  slice(): RowSlice {
    return {
      numbers: this.#numbers,
      text: this.#strings,
      atoms: JSON.stringify([...this.#atoms.keys()]),
      // In the order of the rows, which is not the order they were written in.
      extras: JSON.stringify([...this.#extras.values()].sort(([a], [b]) => a - b)),
    };
  }

  /** Where the row at `position` starts among the numbers, its line, action and texts' start written. */
  #begin(position: number, line: number, action: RowAction): number {
    const numbers = this.#numbers;
    const at = position * FIELDS;
    numbers[at + Field.Line] = line;
    numbers[at + Field.Action] = this.#atom(action);
    numbers[at + Field.TextStart] = this.#strings.length;
    return at;
  }

  #atom(value: string | undefined): number {
    if (value === undefined) return NONE;
    let at = this.#atoms.get(value);
    if (at === undefined) {
      at = this.#atoms.size;
      this.#atoms.set(value, at);
    }
    return at;
  }

  #subscriber(at: number, subscriber: SubscriberRef | undefined): void {
    const numbers = this.#numbers;
    numbers[at] = this.#atom(subscriber?.phoneNumberId);
    numbers[at + 1] = this.#atom(subscriber?.shortNumber);
    numbers[at + 2] = this.#atom(subscriber?.name);
  }

  #text(at: number, value: string | undefined): void {
    this.#numbers[at] = value === undefined ? NONE : value.length;
    if (value !== undefined) this.#strings += value;
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
  /** Undefined when the row has none, or carries its MAC as halves instead (`macHigh`; NONE when it does not). */
  identifier: string | undefined;
  macHigh: number;
  macLow: number;
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
  const reader = new SliceReader(slice);
  const made: T[] = [];
  for (let position = 0; position < reader.rows; position += 1) made.push(make(reader.read(position)));
  return made;
}

/**
 * Reads a slice's rows one call per row, into one row object (the same for every row, which no caller keeps).
 * One call per row rather than one loop over the slice: the loop's function, holding every field's reading,
 * was compiled twice, on-stack-replaced and then again whole (and once more thrown away half-way), seen
 * with --trace-opt; a method called once per row is compiled once, as soon as it is hot.
 */
class SliceReader {
  readonly rows: number;
  readonly #numbers: Float64Array<ArrayBuffer>;
  readonly #text: string;
  readonly #atoms: string[];
  readonly #extras: Extra[];
  #nextExtra = 0;
  #offset = 0;
  readonly #row: WireRow = {
    line: 0,
    id: '',
    action: 'invalid',
    errors: undefined,
    warnings: undefined,
    detail: '',
    kind: undefined,
    identifier: undefined,
    macHigh: NONE,
    macLow: NONE,
    modelId: 0,
    modelName: undefined,
    subscriber: { phoneNumberId: undefined, shortNumber: '', name: undefined },
    transferMode: undefined,
    media: undefined,
    description: undefined,
    deviceId: undefined,
    holder: { phoneNumberId: undefined, shortNumber: '', name: undefined },
  };

  constructor(slice: RowSlice) {
    this.#numbers = slice.numbers;
    this.#text = slice.text;
    this.#atoms = JSON.parse(slice.atoms) as string[];
    this.#extras = JSON.parse(slice.extras) as Extra[];
    this.rows = slice.numbers.length / FIELDS;
  }

  read(position: number): WireRow {
    const numbers = this.#numbers;
    const row = this.#row;
    const at = position * FIELDS;
    const extras = this.#extras;
    const next = this.#nextExtra;
    // Never read past the last extra: an out-of-bounds read deoptimised this at the end of each slice.
    const extra = next < extras.length && extras[next]?.[0] === position ? extras[next] : undefined;
    if (extra !== undefined) this.#nextExtra = next + 1;
    row.line = numbers[at + Field.Line] as number;
    row.action = this.#atom(at + Field.Action) as RowAction;
    row.errors = extra?.[1];
    row.warnings = extra?.[2];
    row.kind = this.#atom(at + Field.Kind) as DeviceIdentifierKind | undefined;
    row.modelId = numbers[at + Field.ModelId] as number;
    row.modelName = this.#atom(at + Field.ModelName);
    this.#subscriber(row.subscriber, at + Field.SubscriberId);
    row.transferMode = this.#atom(at + Field.TransferMode) as TransferMode | undefined;
    row.media = this.#atom(at + Field.Media) as MediaTransportProtocol | undefined;
    this.#subscriber(row.holder, at + Field.HolderId);
    this.#offset = numbers[at + Field.TextStart] as number;
    row.identifier = this.#textAt(at + Field.IdentifierLength);
    row.macHigh = numbers[at + Field.MacHigh] as number;
    row.macLow = numbers[at + Field.MacLow] as number;
    row.description = this.#textAt(at + Field.DescriptionLength);
    row.deviceId = this.#textAt(at + Field.DeviceIdLength);
    row.id = this.#textAt(at + Field.IdLength) ?? derivedId(row);
    row.detail = this.#textAt(at + Field.DetailLength) ?? '';
    return row;
  }

  /** A field with no value is NONE: answered without looking -1 up in the array (a lookup by property name). */
  #atom(at: number): string | undefined {
    const index = this.#numbers[at] as number;
    return index === NONE ? undefined : this.#atoms[index];
  }

  #textAt(at: number): string | undefined {
    const length = this.#numbers[at] as number;
    if (length === NONE) return undefined;
    const offset = this.#offset + length;
    this.#offset = offset;
    return this.#text.slice(offset - length, offset);
  }

  #subscriber(subscriber: WireSubscriber, at: number): void {
    subscriber.phoneNumberId = this.#atom(at);
    subscriber.shortNumber = this.#atom(at + 1) ?? '';
    subscriber.name = this.#atom(at + 2);
  }
}

function derivedId({ kind, identifier, macHigh, macLow }: WireRow): string {
  if (kind === undefined) return '';
  if (identifier !== undefined) return displayIdentity({ kind, value: identifier });
  return macHigh === NONE ? '' : displayMacHalves(macHigh, macLow);
}

/** The plan's rows of a slice: each as the planner made it, read back (`JSON.parse(JSON.stringify(row))`). */
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
    // A plan's row is its own to change: its lists are new ones, never the report rows' shared empty ones.
    errors: [...(wire.errors ?? [])],
    warnings: [...(wire.warnings ?? [])],
    detail: wire.detail,
  };
  if (wire.kind !== undefined) row.kind = wire.kind;
  if (wire.identifier !== undefined) row.identifier = wire.identifier;
  else if (wire.macHigh !== NONE) row.identifier = macDigits(wire.macHigh, wire.macLow);
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
