import { calls, isCallName, type CallName, type CallOutput, type ParsedInput } from './contract';
import type { CallResult } from './types';
import { FieldkitError, type FieldkitErrorData } from '../services/errors';
import type { Logger } from '../services/log/logger';

export type Handlers = {
  [C in CallName]: (input: ParsedInput<C>) => Promise<CallOutput<C>> | CallOutput<C>;
};

export interface Router {
  /** Validates `input` against the contract, runs the handler, and answers an envelope; never throws. */
  dispatch(name: unknown, input: unknown): Promise<CallResult<unknown>>;
}

export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async dispatch(name, input) {
      if (!isCallName(name)) {
        log.warn(`refused unknown call ${JSON.stringify(String(name).slice(0, 80))}`);
        return failure({ code: 'unknown-call', message: `Unknown call: ${String(name).slice(0, 80)}` });
      }
      const parsed = calls[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || '(input)',
          message: issue.message,
        }));
        return failure({
          code: 'invalid-input',
          message: issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
          issues,
        });
      }
      try {
        const handler = handlers[name] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof FieldkitError) {
          log.debug(`${name} failed: ${error.code} ${error.message}`);
          return failure(error.toData());
        }
        log.error(`${name} failed unexpectedly`, error);
        return failure({
          code: 'internal',
          message: 'Fieldkit hit an internal error; the log has the details.',
        });
      }
    },
  };
}

function failure(error: FieldkitErrorData): CallResult<never> {
  return { ok: false, error };
}
