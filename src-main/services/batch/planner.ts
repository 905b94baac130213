import type { CatalogDevice, CatalogSubscriber } from '../catalog';
import { defaultDescription } from '../devices/device-rules';
import { subscriberLabel, type CatalogIndex } from './catalog-index';
import type { CheckedLine } from './check-lines';
import type { ColumnMap } from './columns';
import type { DeviceRowAction, PlannedRow, SubscriberRef } from './plan';
import { ProblemFactory, quoted, type RowProblem } from './row-problem';

export interface PlanOptions {
  /** Allow moving a device that another subscriber holds; without it that line is a conflict. */
  reassign: boolean;
}

/** Decides each checked line's action from what the CloudPBX already has. */
export function planLines(
  lines: readonly CheckedLine[],
  columns: ColumnMap,
  index: CatalogIndex,
  options: PlanOptions,
): PlannedRow[] {
  const problems = new ProblemFactory(columns);
  return lines.map((line) => planLine(line, index, options, problems));
}

function planLine(
  line: CheckedLine,
  index: CatalogIndex,
  options: PlanOptions,
  problems: ProblemFactory,
): PlannedRow {
  const { identity, model, subscriber } = line;
  const existing = identity === undefined ? undefined : index.devicesByIdentifier.get(identity.value);
  // Every row has the same fields in the same order (absent ones undefined, which JSON leaves out): one object
  // shape for the 100,000 rows, not one per mix of values.
  const row: PlannedRow = {
    line: line.line,
    id: line.id,
    action: 'invalid',
    errors: [],
    warnings: [],
    detail: '',
    kind: identity?.kind,
    identifier: identity?.value,
    model: model === undefined ? undefined : { id: model.id, name: model.model },
    subscriber: subscriber === undefined ? undefined : subscriberRef(subscriber),
    transferMode: line.transferMode,
    mediaTransportProtocol: line.mediaTransportProtocol,
    description:
      identity === undefined || model === undefined
        ? undefined
        : (line.description ?? defaultDescription(model, identity, subscriber?.shortNumber)),
    existing: existing === undefined ? undefined : existingRef(existing, index),
  };

  const errors: RowProblem[] = [...line.problems];
  if (
    errors.length === 0 &&
    existing !== undefined &&
    model !== undefined &&
    existing.deviceTypeId !== model.id
  ) {
    errors.push(
      problems.at(
        'model',
        `${line.id} is already on the CloudPBX as a ${existing.model} (${quoted(existing.description)}), not a ` +
          `${model.model}: correct the model, or remove that device from the CloudPBX first.`,
        existing.model,
      ),
    );
  }
  const holder = existing?.phoneNumberId === undefined ? undefined : row.existing?.subscriber;
  const conflict = holder !== undefined && subscriber !== undefined && holder.phoneNumberId !== subscriber.id;
  if (errors.length === 0 && conflict && !options.reassign) {
    errors.push(
      problems.at(
        line.subscriberField ?? 'subscriber',
        `${line.id} is already assigned to ${describeRef(holder)}, not ${subscriberLabel(subscriber)}: allow ` +
          'reassignment (--reassign, or "Allow reassignment" in the Import screen) to move it, or correct the line.',
      ),
    );
  }
  row.errors = errors;
  const action = errors.length > 0 ? 'invalid' : actionOf(existing, holder, subscriber);
  row.action = action;
  if (existing !== undefined && line.description !== undefined && existing.description !== line.description) {
    row.warnings.push(
      `The CloudPBX describes this device as ${quoted(existing.description)}; an import does not change ` +
        'descriptions of existing devices.',
    );
  }
  row.detail = describeRow(row, action);
  return row;
}

export function actionOf(
  existing: CatalogDevice | undefined,
  holder: SubscriberRef | undefined,
  wanted: CatalogSubscriber | undefined,
): DeviceRowAction {
  if (existing === undefined) return wanted === undefined ? 'create' : 'create-assign';
  if (wanted === undefined) return 'skip';
  if (holder === undefined) return 'assign';
  return holder.phoneNumberId === wanted.id ? 'skip' : 'reassign';
}

export function subscriberRef(subscriber: CatalogSubscriber): SubscriberRef {
  const name = [subscriber.firstName, subscriber.lastName].filter(Boolean).join(' ');
  const ref: SubscriberRef = { phoneNumberId: subscriber.id, shortNumber: subscriber.shortNumber };
  if (name !== '') ref.name = name;
  return ref;
}

export function existingRef(device: CatalogDevice, index: CatalogIndex): NonNullable<PlannedRow['existing']> {
  if (device.phoneNumberId === undefined) return { deviceId: device.id };
  const known = index.subscribersById.get(device.phoneNumberId);
  const subscriber: SubscriberRef = known
    ? subscriberRef(known)
    : { phoneNumberId: device.phoneNumberId, shortNumber: device.shortNumber ?? '?' };
  if (!known && device.userDisplayName) subscriber.name = device.userDisplayName;
  return { deviceId: device.id, subscriber };
}

function describeRef(ref: SubscriberRef): string {
  return ref.name === undefined ? ref.shortNumber : `${ref.shortNumber} ${ref.name}`;
}

/** What `describeRow` says a row's action is about. */
export type DescribedRow = Pick<PlannedRow, 'model' | 'description' | 'subscriber' | 'existing'> & {
  errors: readonly RowProblem[];
};

/** One sentence: what applying this line will do, or why it will not. */
export function describeRow(row: DescribedRow, action: DeviceRowAction): string {
  const model = row.model?.name ?? 'device';
  const target = row.subscriber === undefined ? '' : describeRef(row.subscriber);
  const holder = row.existing?.subscriber;
  switch (action) {
    case 'create':
      return `Create ${model} ${quoted(row.description ?? '')}, not assigned to anyone.`;
    case 'create-assign':
      return `Create ${model} ${quoted(row.description ?? '')} and assign it to ${target}.`;
    case 'assign':
      return `Already on the CloudPBX, unassigned: assign it to ${target}.`;
    case 'reassign':
      return `Move it from ${holder === undefined ? 'its subscriber' : describeRef(holder)} to ${target}.`;
    case 'skip':
      return holder === undefined
        ? `Already on the CloudPBX as ${model}: nothing to do.`
        : `Already on the CloudPBX as ${model}, assigned to ${describeRef(holder)}: nothing to do.`;
    case 'invalid':
      return `Not imported: ${row.errors.length} problem${row.errors.length === 1 ? '' : 's'} to fix.`;
  }
}
