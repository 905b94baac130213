import type { FieldkitErrorData } from '../errors';
import type { SwapProgress, SwapState, SwapStatus, SwapStep, SwapStepName, SwapStepStatus } from './types';

const STEP_ORDER: readonly SwapStepName[] = ['check', 'update', 'reboot', 'wait-registration'];

/**
 * The state of one swap and the only way to change it: every change of a step or of the outcome goes through
 * here and is published at once, so a screen (or a CLI) following `swap.progress` sees each move.
 */
export class SwapRecord {
  readonly #state: SwapState;
  readonly #now: () => number;
  readonly #publish: (progress: SwapProgress) => void;

  constructor(
    initial: Omit<SwapState, 'steps' | 'status' | 'canRollback' | 'startedAt'>,
    now: () => number,
    publish: (progress: SwapProgress) => void,
  ) {
    this.#now = now;
    this.#publish = publish;
    this.#state = {
      ...initial,
      status: 'running',
      startedAt: this.#iso(),
      canRollback: false,
      steps: STEP_ORDER.map((name) => ({ name, status: 'pending' })),
    };
  }

  get state(): SwapState {
    return structuredClone(this.#state);
  }

  get status(): SwapStatus {
    return this.#state.status;
  }

  step(name: SwapStepName, status: SwapStepStatus, message: string): void {
    const step = this.#stepNamed(name);
    step.status = status;
    step.message = message;
    if (status === 'running') {
      step.startedAt = this.#iso();
      delete step.finishedAt;
    } else if (status !== 'pending') {
      step.startedAt ??= this.#iso();
      step.finishedAt = this.#iso();
    }
    this.#emit(step);
  }

  /** Sets the outcome; published with the next step change, or at once with `announce`. */
  outcome(change: {
    status: SwapStatus;
    message: string;
    canRollback: boolean;
    identifierOnServer?: string | undefined;
    error?: FieldkitErrorData;
  }): void {
    this.#state.status = change.status;
    this.#state.message = change.message;
    this.#state.canRollback = change.canRollback;
    if ('identifierOnServer' in change) {
      if (change.identifierOnServer === undefined) delete this.#state.identifierOnServer;
      else this.#state.identifierOnServer = change.identifierOnServer;
    }
    if (change.error === undefined) delete this.#state.error;
    else this.#state.error = change.error;
    if (change.status !== 'running' && change.status !== 'rolling-back') this.#state.finishedAt = this.#iso();
    else delete this.#state.finishedAt;
  }

  /** Publishes the outcome under the step it concerns (used when the outcome changes without a step change). */
  announce(name: SwapStepName): void {
    this.#emit(this.#stepNamed(name));
  }

  #stepNamed(name: SwapStepName): SwapStep {
    let step = this.#state.steps.find((candidate) => candidate.name === name);
    if (step === undefined) {
      step = { name, status: 'pending' };
      this.#state.steps.push(step);
    }
    return step;
  }

  #emit(step: SwapStep): void {
    this.#publish({
      swapId: this.#state.swapId,
      step: step.name,
      status: step.status,
      message: step.message ?? '',
      ...(step.startedAt === undefined ? {} : { startedAt: step.startedAt }),
      ...(step.finishedAt === undefined ? {} : { finishedAt: step.finishedAt }),
      swap: this.state,
    });
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }
}
