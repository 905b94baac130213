import { FieldkitError } from '../errors';
import type { Logger } from '../log/logger';
import type { AuthApi } from './auth-api';
import type { Clock } from './clock';
import { readTokenTimes } from './jwt';
import type { LoggedInUser } from './types';

/** Never renew sooner than this, whatever the token says: a token with a tiny lifetime must not spin. */
export const MIN_RENEWAL_DELAY_MS = 1_000;

/** When to renew a token: half-way through its lifetime, as the Rainbow SDK does. */
export function renewalDelayMs(token: string): number | undefined {
  const times = readTokenTimes(token);
  if (times === undefined) return undefined;
  return Math.max(MIN_RENEWAL_DELAY_MS, ((times.expiresAt - times.issuedAt) * 1000) / 2);
}

/**
 * Holds the token: renews it in the background before it expires, and when a call is refused with 401
 * signs in again once (shared by all calls refused at the same time) and replays the call.
 */
export class Session {
  #token: string | undefined;
  #user: LoggedInUser | undefined;
  #cancelRenewal: (() => void) | undefined;
  #signingInAgain: Promise<void> | undefined;
  #closed = false;

  constructor(
    private readonly auth: AuthApi,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const answer = await this.auth.login();
    this.#user = answer.loggedInUser;
    this.#adopt(answer.token);
  }

  get user(): LoggedInUser {
    if (this.#user === undefined) throw notSignedIn();
    return this.#user;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Runs `send`, which asks `token()` each time it sends: a retry after a wait carries a token renewed meanwhile.
   * On a 401 signs in again once (unless the refused token was replaced already) and replays it. A second 401 is
   * returned as is.
   */
  async withToken<R extends { response: { status: number } }>(
    send: (token: () => string) => Promise<R>,
  ): Promise<R> {
    let sent = this.#currentToken();
    const token = (): string => (sent = this.#currentToken());
    const first = await send(token);
    if (first.response.status !== 401) return first;
    this.logger.info('the session was refused (401); signing in again');
    await this.#signInAgainUnlessReplaced(sent);
    return send(token);
  }

  /** Ends the session on the server (best effort: a failed logout is logged) and stops renewing. */
  async signOut(): Promise<void> {
    const token = this.#token;
    this.close();
    if (token === undefined) return;
    try {
      await this.auth.logout(token);
    } catch (error) {
      this.logger.warn(`signing out on the server failed (${describeFailure(error)})`);
    }
  }

  /** Stops the renewal timer; later calls fail with 'not-signed-in'. */
  close(): void {
    this.#closed = true;
    this.#cancelRenewal?.();
    this.#cancelRenewal = undefined;
  }

  #currentToken(): string {
    if (this.#closed || this.#token === undefined) throw notSignedIn();
    return this.#token;
  }

  #adopt(token: string): void {
    if (this.#closed) return;
    this.#token = token;
    this.#cancelRenewal?.();
    this.#cancelRenewal = undefined;
    const delay = renewalDelayMs(token);
    if (delay === undefined) {
      this.logger.warn(
        'the token carries no readable lifetime; it is replaced by signing in again when refused',
      );
      return;
    }
    this.#cancelRenewal = this.clock.schedule(() => void this.#renew(token), delay);
  }

  async #renew(token: string): Promise<void> {
    this.#cancelRenewal = undefined;
    try {
      this.#adopt(await this.auth.renew(token));
      this.logger.debug('session renewed');
    } catch (error) {
      if (this.#closed) return;
      this.logger.warn(`renewing the session failed (${describeFailure(error)}); signing in again`);
      try {
        await this.#signInAgainUnlessReplaced(token);
      } catch (signInError) {
        this.logger.warn(
          `signing in again failed (${describeFailure(signInError)}); the next call will retry`,
        );
      }
    }
  }

  /** Several calls refused with the same token share one sign-in; a token already replaced is not. */
  async #signInAgainUnlessReplaced(refused: string): Promise<void> {
    if (this.#token !== refused) return;
    this.#signingInAgain ??= this.#signInAgain().finally(() => {
      this.#signingInAgain = undefined;
    });
    await this.#signingInAgain;
  }

  async #signInAgain(): Promise<void> {
    const answer = await this.auth.login();
    this.#user = answer.loggedInUser;
    this.#adopt(answer.token);
  }
}

/** Short form for log lines: code and status, which say more than a message written for another moment. */
function describeFailure(error: unknown): string {
  if (!(error instanceof FieldkitError)) return error instanceof Error ? error.message : String(error);
  return error.status === undefined ? error.code : `${error.code}, HTTP ${error.status}`;
}

function notSignedIn(): FieldkitError {
  return new FieldkitError({
    code: 'not-signed-in',
    message: 'The Rainbow session is closed.',
    hint: 'Sign in again.',
  });
}
