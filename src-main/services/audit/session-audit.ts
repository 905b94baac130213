import type { SessionState } from '../../api/types';
import { FieldkitError } from '../errors';
import type { LoggedInUser } from '../rainbow/types';
import type { AuditLog, AuditOwner } from './audit-log';
import { ownerLabel } from './audit-log';
import type { AuditLogs } from './audit-logs';
import type { AuditScope } from './audit-trail';

export interface AuditedSession {
  readonly state: SessionState;
  client(): { readonly user: LoggedInUser };
}

function ownerOf(state: SessionState): AuditOwner | undefined {
  if (state.demo) return { kind: 'demo' };
  if (state.environment) return { kind: 'env' };
  return state.profile === undefined ? undefined : { kind: 'profile', name: state.profile };
}

/**
 * The audit scope of a shell's session: the signed-in profile's log (the demo and the CLI's FIELDKIT_*
 * credentials have their own), as the signed-in login.
 */
export function sessionAuditScope(
  session: AuditedSession,
  logs: AuditLogs,
  source: AuditScope['source'],
): AuditScope | undefined {
  const owner = ownerOf(session.state);
  if (owner === undefined || session.state.status === 'signed-out') return undefined;
  let actor: string;
  try {
    actor = session.client().user.loginEmail;
  } catch {
    return undefined;
  }
  return { log: logs.for(owner), actor, profile: ownerLabel(owner), source };
}

/** The log `audit.list` reads: the current (or last) profile's. */
export function sessionAuditLog(session: AuditedSession, logs: AuditLogs): AuditLog {
  const owner = ownerOf(session.state);
  if (owner !== undefined) return logs.for(owner);
  throw new FieldkitError({
    code: 'not-signed-in',
    message: 'Sign in (or open the demo) to see its activity log.',
  });
}
