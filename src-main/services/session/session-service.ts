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
  connect(credentials: Credentials, onConnectivity: (state: Connectivity) => void): Promise<Client>;
  onChange(state: SessionState): void;
}

export const DEMO_PROFILE = 'demo';

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

  async signOut(): Promise<SessionState> {
    this.#attempt += 1;
    const client = this.#client;
    this.#client = undefined;
    this.#publish({ status: 'signed-out', demo: false });
    // Logging out server-side is a courtesy: a failure must not keep the technician signed in locally.
    await client?.signOut().catch(() => undefined);
    return this.#state;
  }

  async #open(
    profile: string,
    demo: boolean,
    credentials: () => Promise<Credentials>,
  ): Promise<SessionState> {
    const attempt = ++this.#attempt;
    const previous = this.#client;
    this.#client = undefined;
    await previous?.signOut().catch(() => undefined);
    this.#publish({ status: 'signing-in', profile, demo });
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
      this.#publish({ status: 'online', profile, demo, host: creds.host, user: describeUser(client.user) });
    } catch (error) {
      if (attempt === this.#attempt) {
        const data =
          error instanceof FieldkitError
            ? error.toData()
            : { code: 'internal' as const, message: 'Sign-in failed unexpectedly.' };
        this.#publish({ status: 'signed-out', profile, demo, error: data });
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
