import type { DeviceIdentifierKind } from '../../../shared/identifiers';
import type { DeviceRowAction, PlannedRow, RowAction, SubscriberRef } from '../plan';
import { describeRow } from '../planner';
import { displayIdentity } from '../rules/identifier-rule';
import type { MediaTransportProtocol, TransferMode } from '../rules/value-rules';
import type { RowProblem } from '../types';

/**
 * The plan's rows as they cross from the import worker: JSON text of one array per row, its fields by position
 * (absent ones null). As objects, 100,000 rows were about 30 MB of text, most of it the same dozen keys, and
 * reading the keys back was most of the calling thread's work; by position they are about 19 MB. The id and
 * the detail sentence the reader can make from the row's other fields are left out (null), as the planner
 * made them: about 12 MB, and the import worker need not make them at all (plain-line.ts).
 * `decodePlannedRows(encodePlannedRows(rows))` is `JSON.parse(JSON.stringify(rows))`, keys in the same order.
 */
export type SubscriberTuple = [phoneNumberId: string, shortNumber: string, name: string | null];

export type RowTuple = [
  line: number,
  /** null: the identifier as printed on labels (`displayIdentity`). */
  id: string | null,
  action: RowAction,
  errors: RowProblem[],
  warnings: string[],
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

export function encodePlannedRows(rows: readonly PlannedRow[]): string {
  return encodeRowTuples(rows.map(toTuple));
}

export function encodeRowTuples(tuples: readonly RowTuple[]): string {
  return JSON.stringify(tuples);
}

export function decodePlannedRows(text: string): PlannedRow[] {
  return (JSON.parse(text) as RowTuple[]).map(fromTuple);
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
  const [
    line,
    id,
    action,
    errors,
    warnings,
    detail,
    kind,
    identifier,
    modelId,
    modelName,
    subscriber,
    transferMode,
    media,
    description,
    deviceId,
    holder,
  ] = tuple;
  // The id and the detail are made once the fields they are made of are in; their places in the key order
  // are taken first.
  const row: PlannedRow = { line, id: id ?? '', action, errors, warnings, detail: detail ?? '' };
  if (kind !== null) row.kind = kind;
  if (identifier !== null) row.identifier = identifier;
  if (modelId !== null && modelName !== null) row.model = { id: modelId, name: modelName };
  if (subscriber !== null) row.subscriber = subscriberRef(subscriber);
  if (transferMode !== null) row.transferMode = transferMode;
  if (media !== null) row.mediaTransportProtocol = media;
  if (description !== null) row.description = description;
  if (deviceId !== null) {
    row.existing = holder === null ? { deviceId } : { deviceId, subscriber: subscriberRef(holder) };
  }
  if (id === null && kind !== null && identifier !== null)
    row.id = displayIdentity({ kind, value: identifier });
  if (detail === null) row.detail = describeRow(row, action as DeviceRowAction);
  return row;
}

function subscriberRef([phoneNumberId, shortNumber, name]: SubscriberTuple): SubscriberRef {
  return name === null ? { phoneNumberId, shortNumber } : { phoneNumberId, shortNumber, name };
}
