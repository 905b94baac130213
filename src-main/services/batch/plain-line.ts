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
import type { SubscriberRef } from './plan';
import type { RowSliceWriter } from './worker/plan-rows-wire';

/** What planning a file's plain lines needs, made once per file. */
export interface PlainLineContext {
  index: CatalogIndex;
  options: PlanOptions;
  columns: ImportColumns;
  width: number;
  /** Each subscriber (by id) as the rows name it, made once rather than once per line. */
  subscriberRefs: Map<string, SubscriberRef>;
}

export function plainLineContext(
  index: CatalogIndex,
  options: PlanOptions,
  columns: ImportColumns,
  width: number,
): PlainLineContext {
  return { index, options, columns, width, subscriberRefs: new Map() };
}

/**
 * Writes the planned row of a line that no rule has anything to say about at `position` of the slice, straight
 * as it crosses from the worker (plan-rows-wire.ts), and answers true; answers false, writing nothing, for any
 * other line: it then goes through the checks and the planner (check-lines.ts, planner.ts), which say what is
 * wrong with it. A line is plain when its identifier was accepted as it is and given on no other line (the
 * caller knows: `identity`, and `device`, the CloudPBX's device it names), its model is known and fits it, it
 * names its subscriber in one column at most and that subscriber exists, its description is usable, it has no
 * other value and fits the header, and the device (if any) has its model and its description and is not
 * another subscriber's unless reassignment is allowed. Each of those is answered by the function the rule
 * itself asks, and every field is made by the planner's own functions, so a plain line's row is the one the
 * planner would make (a property test compares them).
 */
export function writePlainLine(
  row: SourceRow,
  identity: DeviceIdentity,
  device: CatalogDevice | undefined,
  context: PlainLineContext,
  writer: RowSliceWriter,
  position: number,
): boolean {
  const { index } = context;
  const { cells } = row;
  if (describeRaggedness(row.line, cells, context.width) !== undefined) return false;
  const values = importValues(cells, context.columns);
  if (values.transferMode !== undefined || values.mediaTransportProtocol !== undefined) return false;
  const model = values.model === undefined ? undefined : findModel(values.model, index);
  if (model === undefined || !fitsCategory(identity, model)) return false;
  const subscriber = soleSubscriber(values, index);
  if (subscriber === undefined) return false;
  const { description } = values;
  if (description !== undefined && describeBadDescription(description) !== undefined) return false;
  if (
    device !== undefined &&
    (device.deviceTypeId !== model.id || (description !== undefined && device.description !== description))
  ) {
    return false;
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
    return false;
  }
  writer.addPlain(
    position,
    row.line,
    actionOf(device, holder, wanted),
    identity,
    model,
    wanted === undefined ? undefined : subscriberRefOf(wanted, context),
    description ?? defaultDescription(model, identity, wanted?.shortNumber),
    device?.id,
    holder,
  );
  return true;
}

function subscriberRefOf(subscriber: CatalogSubscriber, context: PlainLineContext): SubscriberRef {
  let ref = context.subscriberRefs.get(subscriber.id);
  if (ref === undefined) {
    ref = subscriberRef(subscriber);
    context.subscriberRefs.set(subscriber.id, ref);
  }
  return ref;
}
