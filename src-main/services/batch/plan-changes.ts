import type { PlanChange, PlannedRow, RowAction } from './plan';

/**
 * The lines whose action differs between the plan made on the cached catalogue and the one made on the live
 * CloudPBX: what changed on the CloudPBX since the catalogue was fetched, in the file's terms.
 */
export function comparePlans(before: readonly PlannedRow[], after: readonly PlannedRow[]): PlanChange[] {
  const previous = new Map(before.map((row) => [row.line, row]));
  const changes: PlanChange[] = [];
  for (const row of after) {
    const old = previous.get(row.line);
    if (old === undefined) continue;
    const holderBefore = old.existing?.subscriber?.shortNumber;
    const holderAfter = row.existing?.subscriber?.shortNumber;
    if (old.action === row.action && holderBefore === holderAfter) continue;
    changes.push({
      line: row.line,
      id: row.id,
      before: old.action,
      after: row.action,
      message: explain(old, row),
    });
  }
  return changes;
}

function explain(before: PlannedRow, after: PlannedRow): string {
  const was = describeState(before);
  const now = describeState(after);
  const action =
    before.action === after.action
      ? ''
      : ` The line now plans ${label(after.action)} instead of ${label(before.action)}.`;
  return `${after.id}: ${was === now ? 'changed on the CloudPBX' : `was ${was}, now ${now}`}.${action}`;
}

function describeState(row: PlannedRow): string {
  if (row.existing === undefined) return 'not on the CloudPBX';
  const holder = row.existing.subscriber;
  return holder === undefined
    ? 'on the CloudPBX, unassigned'
    : `on the CloudPBX, assigned to ${holder.shortNumber}`;
}

function label(action: RowAction): string {
  return action === 'skip' ? 'nothing (skip)' : action;
}
