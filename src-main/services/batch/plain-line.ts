import type { CatalogDevice, CatalogSubscriber } from '../catalog';
import { defaultDescription } from '../devices/device-rules';
import type { CatalogIndex } from './catalog-index';
import { describeRaggedness, importValues, type ImportColumns } from './import-lines';
import { actionOf, existingRef, subscriberRef, type PlanOptions } from './planner';
import type { DeviceIdentity } from './rules/identifier-rule';
import { findModel, fitsCategory } from './rules/model-rule';
import { soleSubscriber } from './rules/subscriber-rule';
import { describeBadDescription } from './rules/value-rules';
import type { SourceRow } from './source-table';
import {
  NO_PROBLEMS,
  NO_WARNINGS,
  subscriberTuple,
  type RowTuple,
  type SubscriberTuple,
} from './worker/plan-rows-wire';

/** What planning a file's plain lines needs, made once per file. */
export interface PlainLineContext {
  index: CatalogIndex;
  options: PlanOptions;
  columns: ImportColumns;
  width: number;
  /** Each subscriber (by id) as the rows name it, made once rather than once per line. */
  subscriberTuples: Map<string, SubscriberTuple>;
}

export function plainLineContext(
  index: CatalogIndex,
  options: PlanOptions,
  columns: ImportColumns,
  width: number,
): PlainLineContext {
  return { index, options, columns, width, subscriberTuples: new Map() };
}

/**
 * The planned row of a line that no rule has anything to say about, written straight as it crosses from the
 * worker (plan-rows-wire.ts), or undefined: the line then goes through the checks and the planner
 * (check-lines.ts, planner.ts), which say what is wrong with it. A line is plain when its identifier was
 * accepted as it is and given on no other line (the caller knows: `identity`, and `device`, the CloudPBX's
 * device it names), its model is known and fits it, it names its subscriber in one column at most and that
 * subscriber exists, its description is usable, it has no other value and fits the header, and the device
 * (if any) has its model and its
 * description and is not another subscriber's unless reassignment is allowed. Each of those is answered by
 * the function the rule itself asks, and every field is made by the planner's own functions, so a plain
 * line's row is the one the planner would make (a property test compares them).
 */
export function plainLineTuple(
  row: SourceRow,
  identity: DeviceIdentity,
  device: CatalogDevice | undefined,
  context: PlainLineContext,
): RowTuple | undefined {
  const { index } = context;
  const { cells } = row;
  if (describeRaggedness(row.line, cells, context.width) !== undefined) return undefined;
  const values = importValues(cells, context.columns);
  if (values.transferMode !== undefined || values.mediaTransportProtocol !== undefined) return undefined;
  const model = values.model === undefined ? undefined : findModel(values.model, index);
  if (model === undefined || !fitsCategory(identity, model)) return undefined;
  const subscriber = soleSubscriber(values, index);
  if (subscriber === undefined) return undefined;
  const { description } = values;
  if (description !== undefined && describeBadDescription(description) !== undefined) return undefined;
  if (
    device !== undefined &&
    (device.deviceTypeId !== model.id || (description !== undefined && device.description !== description))
  ) {
    return undefined;
  }
  const existing = device === undefined ? undefined : existingRef(device, index);
  const holder = existing?.subscriber;
  const wanted = subscriber ?? undefined;
  if (
    holder !== undefined &&
    wanted !== undefined &&
    holder.phoneNumberId !== wanted.id &&
    !context.options.reassign
  ) {
    return undefined;
  }
  return [
    row.line,
    null,
    actionOf(device, holder, wanted),
    NO_PROBLEMS,
    NO_WARNINGS,
    null,
    identity.kind,
    identity.value,
    model.id,
    model.model,
    wanted === undefined ? null : subscriberTupleOf(wanted, context),
    null,
    null,
    description ?? defaultDescription(model, identity, wanted?.shortNumber),
    device?.id ?? null,
    holder === undefined ? null : subscriberTuple(holder),
  ];
}

function subscriberTupleOf(subscriber: CatalogSubscriber, context: PlainLineContext): SubscriberTuple {
  let tuple = context.subscriberTuples.get(subscriber.id);
  if (tuple === undefined) {
    tuple = subscriberTuple(subscriberRef(subscriber));
    context.subscriberTuples.set(subscriber.id, tuple);
  }
  return tuple;
}
