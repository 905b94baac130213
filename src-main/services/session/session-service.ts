import type { ConnectionStatus, SessionState } from '../../api/types';
import { FieldkitError } from '../errors';
import type { LoggedInUser } from '../rainbow/types';

export interface Credentials {
  host: string;
  login: string;
  password: string;
  appId: string;
  appSecret: string;
}

export type Connectivity = 'online' | 'offline';

/** What the session needs of a signed-in Rainbow client. */
export interface SessionClient {
  readonly user: LoggedInUser;
  signOut(): Promise<void>;
}

export interface SessionPorts<Client extends SessionClient> {
  credentialsFor(profile: string): Promise<Credentials>;
  demoCredentials(): Promise<Credentials>;
  /** The credentials the shell was started with (the CLI's FIELDKIT_* variables); absent in the app. */
  environmentCredentials?: () => Promise<Credentials>;
  connect(credentials: Credentials, onConnectivity: (state: Connectivity) => void): Promise<Client>;
  onChange(state: SessionState): void;
}

export const DEMO_PROFILE = 'demo';

/** Whose catalogues, journals and activity log to use when working offline, without signing in. */
export type OfflineAccount = { profile: string } | { demo: true } | { environment: true };

/**
 * The one signed-in Rainbow session of the app: who is signed in, through which profile, and whether the
 * service answers. Sign-in attempts are serialised; the last one wins.
 */
export class SessionService<Client extends SessionClient> {
  readonly #ports: SessionPorts<Client>;
  #client: Client | undefined;
  #state: SessionState = { status: 'signed-out', demo: false };
  #attempt = 0;

  constructor(ports: SessionPorts<Client>) {
    this.#ports = ports;
  }

  get state(): SessionState {
    return this.#state;
  }

  /** The signed-in client, or a `not-signed-in` error that tells the user what to do. */
  client(): Client {
    if (!this.#client) {
      throw new FieldkitError({ code: 'not-signed-in', message: 'Sign in first (or open the demo).' });
    }
    return this.#client;
  }

  signIn(profile: string): Promise<SessionState> {
    return this.#open(profile, false, () => this.#ports.credentialsFor(profile));
  }

  openDemo(): Promise<SessionState> {
    return this.#open(DEMO_PROFILE, true, () => this.#ports.demoCredentials());
  }

  /** Signs in with the credentials the shell was started with; secrets never come through a call. */
  async signInFromEnvironment(): Promise<SessionState> {
    return this.#open(undefined, false, this.#requireEnvironment());
  }

  /** Names the account offline work belongs to (its cached catalogues), without signing in. */
  async workOffline(account: OfflineAccount): Promise<SessionState> {
    await this.signOut();
    if ('environment' in account) this.#requireEnvironment();
    this.#publish(
      'demo' in account
        ? { status: 'signed-out', profile: DEMO_PROFILE, demo: true }
        : 'environment' in account
          ? { status: 'signed-out', demo: false, environment: true }
          : { status: 'signed-out', profile: account.profile, demo: false },
    );
    return this.#state;
  }

  async signOut(): Promise<SessionState> {
    this.#attempt += 1;
    const client = this.#client;
    this.#client = undefined;
    this.#publish({ status: 'signed-out', demo: false });
    // Logging out server-side is a courtesy: a failure must not keep the technician signed in locally.
    await client?.signOut().catch(() => undefined);
    return this.#state;
  }

  #requireEnvironment(): () => Promise<Credentials> {
    const credentials = this.#ports.environmentCredentials;
    if (credentials !== undefined) return credentials;
    throw new FieldkitError({
      code: 'invalid-input',
      message: 'This Fieldkit was started without credentials of its own: sign in with a profile.',
    });
  }

  /** `profile` undefined: the shell's own credentials. */
  async #open(
    profile: string | undefined,
    demo: boolean,
    credentials: () => Promise<Credentials>,
  ): Promise<SessionState> {
    const attempt = ++this.#attempt;
    const previous = this.#client;
    this.#client = undefined;
    await previous?.signOut().catch(() => undefined);
    const account = profile === undefined ? { environment: true as const } : { profile };
    this.#publish({ status: 'signing-in', ...account, demo });
    try {
      const creds = await credentials();
      const client = await this.#ports.connect(creds, (connectivity) => {
        if (this.#client === client) this.#setConnectivity(connectivity);
      });
      if (attempt !== this.#attempt) {
        await client.signOut().catch(() => undefined);
        return this.#state;
      }
      this.#client = client;
      this.#publish({
        status: 'online',
        ...account,
        demo,
        host: creds.host,
        user: describeUser(client.user),
      });
    } catch (error) {
      if (attempt === this.#attempt) {
        const data =
          error instanceof FieldkitError
            ? error.toData()
            : { code: 'internal' as const, message: 'Sign-in failed unexpectedly.' };
        this.#publish({ status: 'signed-out', ...account, demo, error: data });
      }
      throw error;
    }
    return this.#state;
  }

  #setConnectivity(connectivity: Connectivity): void {
    const status: ConnectionStatus = connectivity;
    if (this.#state.status === status) return;
    this.#publish({ ...this.#state, status });
  }

  #publish(state: SessionState): void {
    this.#state = state;
    this.#ports.onChange(state);
  }
}

function describeUser(user: LoggedInUser): NonNullable<SessionState['user']> {
  const name = user.displayName ?? [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    id: user.id,
    loginEmail: user.loginEmail,
    displayName: name || user.loginEmail,
    companyId: user.companyId,
  };
}
