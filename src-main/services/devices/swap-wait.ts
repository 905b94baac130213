import { FieldkitError } from '../errors';
import type { Clock } from '../rainbow';
import { nextDelay, type BackoffSchedule } from './backoff';
import { displayIdentifier } from './device-rules';
import { registrationFrom } from './registration-match';
import type { SwapRecord } from './swap-record';
import type { SwapClient, SwapPlan } from './swap-preflight';
import type { SwapState } from './types';

/** One swap in progress, as the service and its wait share it. */
export interface Swap {
  record: SwapRecord;
  plan: SwapPlan;
  systemId: string;
  timeoutSeconds: number;
  /** The background run; settles when the swap reaches an outcome (or hands over to a rollback). */
  running: Promise<void>;
  stopWaiting: (() => void) | undefined;
  stopped: boolean;
  rollingBack: boolean;
}

export interface WaitDeps {
  client: () => Pick<SwapClient, 'listDeviceRegistrations'>;
  clock: Pick<Clock, 'now' | 'sleep'>;
  polling: BackoffSchedule;
}

/**
 * Polls the device's registrations with back-off until one comes from the new identifier or the timeout ends.
 * A failed poll is not the end: the wait goes on, and the timeout message mentions the last failure.
 */
export async function waitForRegistration(swap: Swap, deps: WaitDeps): Promise<void> {
  const { record, plan } = swap;
  const { clock } = deps;
  const next = displayIdentifier(plan.newIdentifier);
  const deadline = clock.now() + swap.timeoutSeconds * 1000;
  let delay: number | undefined;
  let lastError = '';
  record.step(
    'wait-registration',
    'running',
    `Waiting for ${next} to register (up to ${swap.timeoutSeconds} s)…`,
  );
  while (!swap.stopped) {
    try {
      const registrations = await deps.client().listDeviceRegistrations(swap.systemId, plan.device.id);
      if (registrations.some((registration) => registrationFrom(registration, plan.newIdentifier))) {
        record.outcome({
          status: 'succeeded',
          message: `Swap complete: ${next} is registered for ${record.state.deviceLabel}.`,
          canRollback: false,
          identifierOnServer: plan.newIdentifier.value,
        });
        record.step('wait-registration', 'done', `${next} registered.`);
        return;
      }
      lastError = '';
    } catch (error) {
      lastError = ` The last check failed: ${describe(error)}`;
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) break;
    delay = nextDelay(deps.polling, delay, false);
    await pause(swap, clock, Math.min(delay, remaining));
  }
  if (swap.stopped) return;
  const old = displayIdentifier(plan.oldIdentifier);
  record.outcome({
    status: 'timed-out',
    message:
      `${next} did not register within ${swap.timeoutSeconds} s.${lastError} The CloudPBX keeps ${next} for this ` +
      `device: check the new phone is powered, cabled and provisioned, or roll back to put ${old} back.`,
    canRollback: true,
    identifierOnServer: plan.newIdentifier.value,
  });
  record.step('wait-registration', 'failed', `No registration from ${next} within ${swap.timeoutSeconds} s.`);
}

/** Sleeps on the clock, cut short by a rollback. */
function pause(swap: Swap, clock: WaitDeps['clock'], ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    swap.stopWaiting = resolve;
    void clock.sleep(ms).then(() => resolve());
  }).then(() => {
    swap.stopWaiting = undefined;
  });
}

export function describe(error: unknown): string {
  return error instanceof FieldkitError ? error.message : 'unexpected error (see the log).';
}

export function errorData(error: unknown): SwapState['error'] {
  return error instanceof FieldkitError ? error.toData() : { code: 'internal', message: describe(error) };
}

export function serverSays(onServer: string | undefined): string {
  if (onServer === undefined) {
    return 'Fieldkit could not read the device back, so what the CloudPBX holds now is unknown: open the device to check.';
  }
  return `The CloudPBX holds ${displayIdentifier({ kind: onServer.length === 10 ? 'ipei' : 'mac', value: onServer })} for this device.`;
}
