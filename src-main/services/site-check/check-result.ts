import type { CheckEvidence, CheckStatus } from '../../shared/check-ladder';
import type { SiteCheck, SiteCheckId } from './types';

/** A finding of a check; the check's status is its worst finding's, its summary and fix the worst's. */
export interface Finding {
  readonly status: CheckStatus;
  readonly summary: string;
  readonly fix: string | null;
}

const SEVERITY: Record<CheckStatus, number> = { fail: 4, unknown: 3, warn: 2, ok: 1, skipped: 0 };

/** One check from its findings: the worst decides; the others are appended to the summary. */
export function checkOf(id: SiteCheckId, findings: readonly Finding[], evidence: CheckEvidence): SiteCheck {
  const ordered = [...findings].sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status]);
  const worst = ordered[0];
  if (!worst) return { id, status: 'ok', summary: 'nothing to report', evidence, fix: null };
  const others = ordered.slice(1).filter((finding) => finding.status !== 'ok');
  const fixes = [worst, ...others].map((finding) => finding.fix).filter((fix): fix is string => fix !== null);
  return {
    id,
    status: worst.status,
    summary: [worst, ...others].map((finding) => finding.summary).join('; '),
    evidence,
    fix: fixes.length > 0 ? fixes.join(' ') : null,
  };
}

export const ok = (summary: string): Finding => ({ status: 'ok', summary, fix: null });
export const warn = (summary: string, fix: string | null): Finding => ({ status: 'warn', summary, fix });
export const fail = (summary: string, fix: string | null): Finding => ({ status: 'fail', summary, fix });
export const unknown = (summary: string, fix: string | null): Finding => ({
  status: 'unknown',
  summary,
  fix,
});
