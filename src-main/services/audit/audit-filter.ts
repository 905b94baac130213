import type { AuditEntry, AuditFilter } from './types';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Whether an entry passes the filter; a bare `to` date includes that whole day. */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  const at = Date.parse(entry.at);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && at >= endOf(filter.to)) return false;
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.result !== undefined && entry.result !== filter.result) return false;
  if (filter.text !== undefined && filter.text.trim() !== '') {
    return searchableText(entry).includes(filter.text.trim().toLowerCase());
  }
  return true;
}

function endOf(to: string): number {
  const trimmed = to.trim();
  return DATE_ONLY.test(trimmed) ? Date.parse(trimmed) + DAY_MS : Date.parse(trimmed) + 1;
}

function searchableText(entry: AuditEntry): string {
  return [
    entry.actor,
    entry.profile,
    entry.systemId,
    entry.action,
    entry.object.id,
    entry.object.label,
    entry.error,
    ...Object.values(entry.details ?? {}),
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n')
    .toLowerCase();
}
