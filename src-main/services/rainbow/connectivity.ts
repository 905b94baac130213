import type { Logger } from '../log/logger';

export type ConnectivityState = 'online' | 'offline';
export type ConnectivityListener = (state: ConnectivityState) => void;

/**
 * Tells the UI whether Rainbow can be reached: 'offline' when a request fails below HTTP, 'online' when an
 * answer comes back after that. Only changes are reported; the client starts online (it just signed in).
 */
export class ConnectivityMonitor {
  #state: ConnectivityState = 'online';

  constructor(
    private readonly logger: Logger,
    private readonly listener?: ConnectivityListener,
  ) {}

  get state(): ConnectivityState {
    return this.#state;
  }

  networkFailed(): void {
    this.#change('offline');
  }

  answered(): void {
    this.#change('online');
  }

  #change(state: ConnectivityState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.logger.info(`Rainbow is ${state}`);
    try {
      this.listener?.(state);
    } catch (error) {
      // A faulty listener must not turn a successful request into a failure.
      this.logger.error('connectivity listener failed', error);
    }
  }
}
