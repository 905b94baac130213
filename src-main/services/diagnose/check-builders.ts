import type { Check, CheckAction, CheckEvidence, CheckStatus } from '../../shared/check-ladder';

/** A check in one call: the evidence defaults to none, the fix to nothing to do. */
export function check<Kind extends string>(
  id: string,
  status: CheckStatus,
  summary: string,
  options: { evidence?: CheckEvidence; fix?: string; action?: CheckAction<Kind> } = {},
): Check<Kind> {
  return {
    id,
    status,
    summary,
    evidence: options.evidence ?? {},
    fix: options.fix ?? null,
    ...(options.action === undefined ? {} : { action: options.action }),
  };
}

/** A check that could not run because the CloudPBX refused or lacks the call it needs. */
export function cannotRun<Kind extends string>(id: string, what: string, reason: string): Check<Kind> {
  return check(id, 'unknown', `Could not read ${what}: ${reason}`, {
    fix: 'Ask an administrator whose role covers this CloudPBX to run the diagnosis, or check it in the Rainbow admin console.',
  });
}

/** A check that has nothing to look at because an earlier one failed. */
export function skipped<Kind extends string>(id: string, because: string): Check<Kind> {
  return check(id, 'skipped', because);
}
