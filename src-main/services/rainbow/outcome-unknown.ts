import { FieldkitError, type FieldkitErrorData } from '../errors';

/**
 * A non-idempotent request (a create) failed in a way that leaves open whether the server acted on it. It is
 * never sent again blindly: the caller looks the object up (a device by its MAC address, …) first.
 */
export class OutcomeUnknownError extends FieldkitError {
  readonly outcomeUnknown = true;

  constructor(data: FieldkitErrorData, options?: { cause?: unknown }) {
    super(data, options);
    this.name = 'OutcomeUnknownError';
  }
}

export function isOutcomeUnknown(error: unknown): error is OutcomeUnknownError {
  return error instanceof OutcomeUnknownError;
}

export const OUTCOME_UNKNOWN_HINT =
  'Look the object up (for a device: by its MAC address) to see whether the change was made before trying again.';
