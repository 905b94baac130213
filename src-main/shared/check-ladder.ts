/**
 * The shape every troubleshooting ladder shares (`diagnose` of a device or a number, `site-check` of a LAN port):
 * ordered checks, each with a status, a one-line summary, the evidence it read and the fix. The CLI's `--json`,
 * the screens and the ticket text all derive from it, so a script reads every ladder the same way.
 */

export const CHECK_STATUSES = ['ok', 'warn', 'fail', 'unknown', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** What a check read, by field name (API field, interface property, DHCP option…), with the value it saw. */
export type CheckEvidence = Readonly<Record<string, string | number | boolean | null>>;

/** A fix Fieldkit can carry out itself; `kind` names it for the screen that offers the button. */
export interface CheckAction<Kind extends string = string> {
  readonly kind: Kind;
  readonly label: string;
}

export interface Check<Kind extends string = string> {
  readonly id: string;
  readonly status: CheckStatus;
  readonly summary: string;
  readonly evidence: CheckEvidence;
  /** What to do about it; null when there is nothing to do. */
  readonly fix: string | null;
  readonly action?: CheckAction<Kind>;
}

export type Verdict = 'ok' | 'problem' | 'unknown';

export interface CheckReport<Subject, Kind extends string = string> {
  readonly subject: Subject;
  readonly verdict: Verdict;
  readonly checks: readonly Check<Kind>[];
}

/**
 * `problem` when any check fails; `unknown` when none fails but one could not run; else `ok`. A check that could not
 * run never makes a problem by itself: the CloudPBX refusing a call says nothing about the phone.
 */
export function verdictOf(checks: readonly Pick<Check, 'status'>[]): Verdict {
  if (checks.some((check) => check.status === 'fail')) return 'problem';
  if (checks.some((check) => check.status === 'unknown')) return 'unknown';
  return 'ok';
}

export function checkReport<Subject, Kind extends string>(
  subject: Subject,
  checks: readonly Check<Kind>[],
): CheckReport<Subject, Kind> {
  return { subject, verdict: verdictOf(checks), checks };
}

const STATUS_MARKS: Record<CheckStatus, string> = {
  ok: 'ok  ',
  warn: 'WARN',
  fail: 'FAIL',
  unknown: '??  ',
  skipped: '--  ',
};

/**
 * The ladder as plain text for a ticket or a terminal: one block per check, evidence indented under it. The caller
 * escapes control characters for a terminal; the text itself is what the checks said.
 */
export function checkReportText(title: string, report: CheckReport<unknown>): string {
  const lines = [`${title} — verdict: ${report.verdict}`];
  for (const check of report.checks) {
    lines.push(`[${STATUS_MARKS[check.status]}] ${check.id}: ${check.summary}`);
    for (const [field, value] of Object.entries(check.evidence))
      lines.push(`         ${field} = ${String(value)}`);
    if (check.fix !== null) lines.push(`         fix: ${check.fix}`);
  }
  return lines.join('\n');
}
