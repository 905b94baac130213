/** The activity log: one entry per change made through Fieldkit (re-exported by src-main/api/types.ts). */

import type { AuditAction, AuditResult } from '../../shared/enums';

export type { AuditAction, AuditResult };

export interface AuditObject {
  type: 'device' | 'subscriber';
  /** Absent when the object was never created (a refused registration). */
  id?: string;
  /** What a technician recognises: MAC, IPEI, short number, description. */
  label?: string;
}

export interface AuditEntry {
  /** ISO timestamp. */
  at: string;
  /** Login e-mail of the signed-in account. */
  actor: string;
  /** Profile name, `demo` or `env` (CLI with FIELDKIT_* variables). */
  profile: string;
  source: 'app' | 'cli';
  systemId: string;
  object: AuditObject;
  action: AuditAction;
  result: AuditResult;
  /** The technician-readable error of a failed change. */
  error?: string;
  /** Non-secret facts about the change (new MAC, model, duration …). */
  details?: Record<string, string>;
}

export interface AuditFilter {
  /** Inclusive, ISO date or date-time. */
  from?: string;
  /** Inclusive, ISO date or date-time (a bare date covers that whole day). */
  to?: string;
  action?: AuditAction;
  result?: AuditResult;
  /** Case-insensitive substring of actor, CloudPBX, object, error or details. */
  text?: string;
}

export interface AuditExport {
  csv: string;
  /** Suggested file name, e.g. `fieldkit-activity-2025-01-31.csv`. */
  fileName: string;
  count: number;
}
