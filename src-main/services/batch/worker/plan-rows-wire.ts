import type { DeviceIdentifierKind } from '../../../shared/identifiers';
import type { PlannedRow, RowAction, SubscriberRef } from '../plan';
import type { MediaTransportProtocol, TransferMode } from '../rules/value-rules';
import type { RowProblem } from '../types';

/**
 * The plan's rows as they cross from the import worker: JSON text of one array per row, its fields by position
 * (absent ones null). As objects, 100,000 rows were about 30 MB of text, most of it the same dozen keys, and
 * reading the keys back was most of the calling thread's work; by position they are about 19 MB.
 * `decodePlannedRows(encodePlannedRows(rows))` is `JSON.parse(JSON.stringify(rows))`, keys in the same order.
 */
type SubscriberTuple = [phoneNumberId: string, shortNumber: string, name: string | null];

type RowTuple = [
  line: number,
  id: string,
  action: RowAction,
  errors: RowProblem[],
  warnings: string[],
  detail: string,
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
  return JSON.stringify(rows.map(toTuple));
}

export function decodePlannedRows(text: string): PlannedRow[] {
  return (JSON.parse(text) as RowTuple[]).map(fromTuple);
}

function toTuple(row: PlannedRow): RowTuple {
  return [
    row.line,
    row.id,
    row.action,
    row.errors,
    row.warnings,
    row.detail,
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

function subscriberTuple({ phoneNumberId, shortNumber, name }: SubscriberRef): SubscriberTuple {
  return [phoneNumberId, shortNumber, name ?? null];
}

/** The row with the fields the planner gives it, in its order; absent ones left out, as JSON leaves them. */
function fromTuple(tuple: RowTuple): PlannedRow {
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
  const row: PlannedRow = { line, id, action, errors, warnings, detail };
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
  return row;
}

function subscriberRef([phoneNumberId, shortNumber, name]: SubscriberTuple): SubscriberRef {
  return name === null ? { phoneNumberId, shortNumber } : { phoneNumberId, shortNumber, name };
}
