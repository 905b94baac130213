import type { SimulatorTenant } from './tenant/tenant';

/** Misbehaviour to inject, each rate a fraction of requests (0 to 1). All zero by default. */
export interface SimulatorFaults {
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  /** Fraction answered 503. */
  errorRate?: number;
  /** Fraction never answered: the socket is held until the client gives up, 30 s pass, or close() is called. */
  timeoutRate?: number;
  /** Fraction answered 429 with `Retry-After`. */
  rateLimitRate?: number;
  /** `Retry-After` of 429 answers, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Faults aimed at one route (a reboot, a sign-in…), applied before the rates above. */
  targeted?: TargetedFault[];
}

/** A fault that strikes the requests of one method and path, e.g. every `POST …/reboot`. */
export interface TargetedFault {
  method: string;
  /** Tested against the path without the query. */
  path: RegExp;
  /**
   * What the request gets: an HTTP status (an error body with it), 'timeout' (never answered: the socket is
   * held as for `timeoutRate`) or 'reset' (the connection is cut without an answer).
   */
  answer: number | 'timeout' | 'reset';
  /** The route runs first, so the change is made and only its answer is lost. Default: it does not run. */
  afterActing?: boolean;
  /** How many matching requests it strikes; every one when absent. */
  times?: number;
}

export interface SimulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  faults?: SimulatorFaults;
  /** Draws in [0, 1) that decide which requests get a fault; inject for deterministic runs. */
  random?: () => number;
  /** Clock in epoch milliseconds for token `iat`/`exp` and expiry checks; inject to expire tokens without waiting. */
  now?: () => number;
  /**
   * Time from provisioning a phone (assignment, reboot, MAC swap) to its SIP registration, measured on `now`.
   * Default 3000; tests give 0, or a delay they step over with an injected `now`.
   */
  registrationDelayMs?: number;
  /**
   * Most items one list page holds, whatever `limit` asks: like a real server, the envelope's `limit` then says
   * the size served. Default: no cap (the `limit` asked, 100 when none).
   */
  pageCap?: number;
  /** Serve https instead of http. PEM strings. */
  tls?: { key: string; cert: string };
}

export interface SimulatorCredentials {
  login: string;
  password: string;
  appId: string;
  appSecret: string;
}

export interface SimulatorRequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Query string without the `?`, '' when none. */
  query: string;
  /** 0 for a request held by a timeout fault and never answered. */
  status: number;
  /**
   * When it arrived and when it was answered (or held, or cut), as steps of one counter shared by every request:
   * two requests overlapped when each arrived before the other was answered.
   */
  received: number;
  answered: number;
}

export interface RunningSimulator {
  /** e.g. 'http://127.0.0.1:41234' (https://… when tls is given). */
  url: string;
  port: number;
  /** The demo technician account (company_admin of the demo company). */
  credentials: SimulatorCredentials;
  /**
   * Read/write access to the in-memory state, for tests to check outcomes server-side; also the controls of
   * the simulated phones (`setPhoneOnline`, `reprovisionPhone`, `simulatedPhones`).
   */
  tenant: SimulatorTenant;
  setFaults(faults: SimulatorFaults): void;
  /** Applies to tokens issued from now on. */
  setTokenLifetime(seconds: number): void;
  /** Request log, oldest first (never headers or bodies). */
  requests(): ReadonlyArray<SimulatorRequestRecord>;
  /** Closes all sockets, including held ones. Calling it again returns the same promise. */
  close(): Promise<void>;
}
