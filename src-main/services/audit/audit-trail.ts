import { FieldkitError } from '../errors';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redactor';
import type { AuditLog } from './audit-log';
import type { AuditAction, AuditEntry, AuditObject, AuditResult } from './types';

/** Where and as whom changes are recorded right now (the signed-in account and its profile's log). */
export interface AuditScope {
  log: AuditLog;
  actor: string;
  profile: string;
  source: AuditEntry['source'];
}

export interface AuditedChange<T> {
  action: AuditAction;
  systemId: string;
  object: AuditObject;
  details?: Record<string, string>;
  /** Facts known only once the change is made (the id of a created device, …). */
  describeResult?: (result: T) => { object?: Partial<AuditObject>; details?: Record<string, string> };
}

export interface AuditTrailDeps {
  /** Undefined when nobody is signed in: the change itself will then fail before reaching Rainbow. */
  scope: () => AuditScope | undefined;
  now: () => number;
  /** Every text goes through it, so a secret registered anywhere in the app never reaches the file. */
  redactor: Redactor;
  logger: Logger;
}

/**
 * The one place changes are audited: services run each change through `record`, which appends what was done,
 * by whom, and whether it worked — then answers or rethrows exactly what the change did.
 */
export class AuditTrail {
  readonly #deps: AuditTrailDeps;

  constructor(deps: AuditTrailDeps) {
    this.#deps = deps;
  }

  async record<T>(change: AuditedChange<T>, run: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await this.#append(change, 'failed', {}, describeError(error));
      throw error;
    }
    await this.#append(change, 'ok', change.describeResult?.(result) ?? {});
    return result;
  }

  async #append(
    change: Omit<AuditedChange<never>, 'describeResult'>,
    result: AuditResult,
    learned: { object?: Partial<AuditObject>; details?: Record<string, string> },
    error?: string,
  ): Promise<void> {
    const scope = this.#deps.scope();
    if (scope === undefined) return;
    const redact = (text: string): string => this.#deps.redactor.redact(text);
    const object = { ...change.object, ...learned.object };
    const details = { ...change.details, ...learned.details };
    const entry: AuditEntry = {
      at: new Date(this.#deps.now()).toISOString(),
      actor: scope.actor,
      profile: scope.profile,
      source: scope.source,
      systemId: change.systemId,
      object: {
        type: object.type,
        ...(object.id === undefined ? {} : { id: object.id }),
        ...(object.label === undefined ? {} : { label: redact(object.label) }),
      },
      action: change.action,
      result,
    };
    if (error !== undefined) entry.error = redact(error);
    if (Object.keys(details).length > 0) {
      entry.details = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, redact(value)]));
    }
    try {
      await scope.log.append(entry);
    } catch (writeError) {
      // The change is made (or failed) on Rainbow whatever happens here; failing it now would mislead.
      this.#deps.logger.error(`could not write the activity log ${scope.log.path}`, writeError);
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof FieldkitError) return error.message;
  return 'Unexpected error (see the log).';
}
