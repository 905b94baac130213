import { auditExport } from '../../services/audit/audit-csv';
import type { AuditLog } from '../../services/audit/audit-log';
import type { NamespaceHandlers } from './handler-types';

export interface AuditHandlerDeps {
  /** The log of the signed-in profile (the demo's own for the demo). */
  currentLog: () => AuditLog;
  now: () => number;
}

export function auditHandlers({ currentLog, now }: AuditHandlerDeps): NamespaceHandlers<'audit'> {
  return {
    'audit.list': (filter) => currentLog().list(filter),
    'audit.exportCsv': async (filter) => auditExport(await currentLog().list(filter), now()),
  };
}
