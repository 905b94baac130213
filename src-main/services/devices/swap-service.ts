import { randomUUID } from 'node:crypto';
import type { AuditTrail } from '../audit/audit-trail';
import { FieldkitError } from '../errors';
import type { Redactor } from '../log/redactor';
import type { Clock } from '../rainbow';
import { SWAP_POLLING, type BackoffSchedule } from './backoff';
import { deviceLabel } from './device-labels';
import { displayIdentifier, identifierOf } from './device-rules';
import { withoutDeviceSecrets } from './device-secrets';
import { DEFAULT_SWAP_TIMEOUT_SECONDS } from '../../shared/limits';
import { SwapRecord } from './swap-record';
import { planSwap, type SwapClient, type SwapRequest } from './swap-preflight';
import type { SwapProgress, SwapState } from './types';
import { describe, errorData, serverSays, waitForRegistration, type Swap } from './swap-wait';

export interface SwapServiceDeps {
  client: () => SwapClient;
  audit: AuditTrail;
  /** `sleep` paces the polling and `now` the timeout: inject a fake one to drive a swap without waiting. */
  clock: Pick<Clock, 'now' | 'sleep'>;
  redactor: Redactor;
  emit: (progress: SwapProgress) => void;
  onDeviceActivity?: (systemId: string, deviceId: string) => void;
  polling?: BackoffSchedule;
  newId?: () => string;
}

const KEPT_FINISHED_SWAPS = 100;

/**
 * Swapping a broken phone: the device keeps its subscriber, model and keys; only its MAC address changes. Runs
 * in the main process (the screen can leave and come back: `get` answers the state), one step at a time, each
 * published; whatever fails, the state says what the CloudPBX holds and offers the way back.
 */
export class SwapService {
  readonly #deps: SwapServiceDeps;
  readonly #swaps = new Map<string, Swap>();

  constructor(deps: SwapServiceDeps) {
    this.#deps = deps;
  }

  /** Checks everything first (refusals throw, nothing changed), then answers while the swap runs on. */
  async start(request: SwapRequest & { timeoutSeconds?: number }): Promise<SwapState> {
    const plan = await planSwap(this.#deps.client(), request);
    const { device, oldIdentifier, newIdentifier } = plan;
    this.#deps.redactor.add(device.adminPassword);
    plan.device = withoutDeviceSecrets(device, this.#deps.redactor);
    if (this.#activeSwapOf(request.systemId, device.id) !== undefined) {
      throw new FieldkitError({
        code: 'conflict',
        message: `A swap of ${deviceLabel(device)} is already in progress.`,
        hint: 'Follow it to its end, or roll it back, before starting another.',
      });
    }
    const timeoutSeconds = request.timeoutSeconds ?? DEFAULT_SWAP_TIMEOUT_SECONDS;
    const record = new SwapRecord(
      {
        swapId: this.#deps.newId?.() ?? randomUUID(),
        systemId: request.systemId,
        deviceId: device.id,
        deviceLabel: [device.description, device.shortNumber].filter(Boolean).join(' · '),
        kind: newIdentifier.kind,
        oldIdentifier: oldIdentifier.value,
        newIdentifier: newIdentifier.value,
        timeoutSeconds,
        identifierOnServer: oldIdentifier.value,
        message: 'Starting the swap.',
      },
      () => this.#deps.clock.now(),
      this.#deps.emit,
    );
    const swap: Swap = {
      record,
      plan,
      systemId: request.systemId,
      timeoutSeconds,
      running: Promise.resolve(),
      stopWaiting: undefined,
      stopped: false,
      rollingBack: false,
    };
    this.#swaps.set(record.state.swapId, swap);
    this.#prune();
    record.step(
      'check',
      'done',
      `${displayIdentifier(newIdentifier)} fits this ${device.deviceType.model} and is not on the CloudPBX yet.`,
    );
    swap.running = this.#run(swap).catch((error: unknown) => this.#crashed(swap, error));
    return record.state;
  }

  get(swapId: string): SwapState {
    return this.#require(swapId).record.state;
  }

  list(): SwapState[] {
    return [...this.#swaps.values()].map((swap) => swap.record.state);
  }

  /** Resolves once the swap has reached an outcome (not while it is still running). */
  async whenSettled(swapId: string): Promise<SwapState> {
    const swap = this.#require(swapId);
    await swap.running;
    return swap.record.state;
  }

  /** Puts the old identifier back; during the wait for registration, stops waiting first. */
  async rollback(swapId: string): Promise<SwapState> {
    const swap = this.#require(swapId);
    const { record, plan } = swap;
    if (!record.state.canRollback || swap.rollingBack) {
      throw new FieldkitError({
        code: 'conflict',
        message: swap.rollingBack
          ? 'The rollback is already in progress.'
          : `Nothing to roll back: ${record.state.message}`,
      });
    }
    swap.rollingBack = true;
    swap.stopped = true;
    swap.stopWaiting?.();
    await swap.running;
    if (record.state.steps.find((step) => step.name === 'wait-registration')?.status === 'running') {
      record.step('wait-registration', 'skipped', 'Stopped waiting: rolling back.');
    }
    const old = displayIdentifier(plan.oldIdentifier);
    record.outcome({ status: 'rolling-back', message: `Putting ${old} back…`, canRollback: false });
    record.step('rollback', 'running', `Putting ${old} back on ${deviceLabel(plan.device)}…`);
    try {
      await this.#audited('device.swap-rollback', swap, plan.oldIdentifier.value);
      record.outcome({
        status: 'rolled-back',
        message: `Rolled back: the device has ${old} again, as before the swap.`,
        canRollback: false,
        identifierOnServer: plan.oldIdentifier.value,
      });
      record.step('rollback', 'done', `The CloudPBX has ${old} for this device again.`);
    } catch (error) {
      const onServer = await this.#identifierOnServer(swap);
      record.outcome({
        status: 'rollback-failed',
        message: `The rollback failed: ${describe(error)} ${serverSays(onServer)}`,
        canRollback: onServer !== plan.oldIdentifier.value,
        identifierOnServer: onServer,
        error: errorData(error),
      });
      record.step('rollback', 'failed', describe(error));
    } finally {
      swap.rollingBack = false;
    }
    return record.state;
  }

  async #run(swap: Swap): Promise<void> {
    const { record, plan } = swap;
    const client = this.#deps.client();
    const next = displayIdentifier(plan.newIdentifier);
    record.step('update', 'running', `Changing ${displayIdentifier(plan.oldIdentifier)} to ${next}…`);
    try {
      await this.#audited('device.swap', swap, plan.newIdentifier.value);
    } catch (error) {
      const onServer = await this.#identifierOnServer(swap);
      record.outcome({
        status: 'failed',
        message: `Changing the MAC address failed: ${describe(error)} ${serverSays(onServer)}`,
        canRollback: onServer !== undefined && onServer !== plan.oldIdentifier.value,
        identifierOnServer: onServer,
        error: errorData(error),
      });
      record.step('update', 'failed', describe(error));
      record.step('reboot', 'skipped', 'Not attempted.');
      record.step('wait-registration', 'skipped', 'Not attempted.');
      return;
    }
    this.#deps.onDeviceActivity?.(swap.systemId, plan.device.id);
    record.outcome({
      status: 'running',
      message: `The CloudPBX has ${next} for this device now.`,
      canRollback: true,
      identifierOnServer: plan.newIdentifier.value,
    });
    record.step('update', 'done', `The CloudPBX now has ${next} for this device.`);

    record.step('reboot', 'running', 'Asking the phone to reboot and fetch its configuration…');
    try {
      const answer = await client.rebootDevice(swap.systemId, plan.device.id);
      record.step('reboot', 'done', answer.status ?? 'Reboot requested.');
    } catch (error) {
      record.step(
        'reboot',
        'warning',
        `Could not ask for a reboot (${describe(error)}); power-cycle the new phone if it does not register.`,
      );
    }
    await waitForRegistration(swap, {
      client: this.#deps.client,
      clock: this.#deps.clock,
      polling: this.#deps.polling ?? SWAP_POLLING,
    });
  }

  /** A step threw where none should (sign-out mid-swap, a bug): say so, and what the server holds. */
  async #crashed(swap: Swap, error: unknown): Promise<void> {
    const onServer = await this.#identifierOnServer(swap);
    const running = swap.record.state.steps.find((step) => step.status === 'running');
    swap.record.outcome({
      status: 'failed',
      message: `The swap stopped: ${describe(error)} ${serverSays(onServer)}`,
      canRollback: onServer !== undefined && onServer !== swap.plan.oldIdentifier.value,
      identifierOnServer: onServer,
      error: errorData(error),
    });
    swap.record.step(running?.name ?? 'update', 'failed', describe(error));
  }

  #audited(action: 'device.swap' | 'device.swap-rollback', swap: Swap, macAddress: string): Promise<unknown> {
    const { plan } = swap;
    const from = action === 'device.swap' ? plan.oldIdentifier.value : plan.newIdentifier.value;
    return this.#deps.audit.record(
      {
        action,
        systemId: swap.systemId,
        object: { type: 'device', id: plan.device.id, label: deviceLabel(plan.device) },
        details: { from, to: macAddress },
      },
      () => this.#deps.client().updateDevice(swap.systemId, plan.device.id, { macAddress }),
    );
  }

  /** What the CloudPBX holds now, read back after a failed change; undefined when even that read fails. */
  async #identifierOnServer(swap: Swap): Promise<string | undefined> {
    try {
      const device = await this.#deps.client().getDevice(swap.systemId, swap.plan.device.id);
      this.#deps.redactor.add(device.adminPassword);
      return identifierOf(device)?.value;
    } catch {
      return undefined;
    }
  }

  #activeSwapOf(systemId: string, deviceId: string): Swap | undefined {
    return [...this.#swaps.values()].find(
      (swap) =>
        swap.systemId === systemId &&
        swap.plan.device.id === deviceId &&
        ['running', 'rolling-back'].includes(swap.record.status),
    );
  }

  #require(swapId: string): Swap {
    const swap = this.#swaps.get(swapId);
    if (swap !== undefined) return swap;
    throw new FieldkitError({
      code: 'not-found',
      message: `There is no swap ${swapId} in this run of Fieldkit.`,
    });
  }

  #prune(): void {
    const finished = [...this.#swaps.entries()].filter(
      ([, swap]) => !['running', 'rolling-back'].includes(swap.record.status),
    );
    for (const [swapId] of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED_SWAPS))) {
      this.#swaps.delete(swapId);
    }
  }
}
