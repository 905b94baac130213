import { FieldkitError, type ErrorCode } from '../errors';

/** What one read of the CloudPBX gave a check: the answer, or why the CloudPBX would not give it. */
export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The CloudPBX refusing a call (403), lacking it (404, 405, 501) or rejecting it (another 4xx) says nothing about
 * the phone or the number: the check that needed it is `unknown`, with the reason. Anything else (unreachable,
 * signed out, 5xx after retries) stops the whole diagnosis, so it is reported as what it is.
 */
const CHECK_CANNOT_RUN: ReadonlySet<ErrorCode> = new Set(['forbidden', 'not-found', 'api-error', 'conflict']);

export async function readOutcome<T>(read: () => Promise<T>): Promise<ReadOutcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof FieldkitError && CHECK_CANNOT_RUN.has(error.code)) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
}
