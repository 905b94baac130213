import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TokenAuthority } from './auth/token-authority';
import { checkFaults } from './faults';
import { HeldSockets } from './held-sockets';
import { Router } from './http/router';
import type { RunningSimulator, SimulatorFaults, SimulatorOptions, TargetedFault } from './options';
import { handleRequest } from './request-handler';
import { RequestLog } from './request-log';
import { allRoutes } from './routes';
import { DEMO_CREDENTIALS, createDemoTenant } from './seed/demo-seed';

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const DEFAULT_REGISTRATION_DELAY_MS = 3000;

/** Starts a simulated Rainbow (authentication, RVCP provisioning and admin APIs) holding the demo tenant. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const tenant = createDemoTenant(now, {
    registrationDelayMs: options.registrationDelayMs ?? DEFAULT_REGISTRATION_DELAY_MS,
  });
  const authority = new TokenAuthority({
    tenant,
    now,
    lifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
  });
  const router = new Router(allRoutes(authority));
  const log = new RequestLog();
  const held = new HeldSockets();
  let faults: SimulatorFaults = checkFaults(options.faults ?? {});
  const strikes = new Map<TargetedFault, number>();
  const pageCap = checkPageCap(options.pageCap);

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    void handleRequest(request, response, {
      router,
      tenant,
      authority,
      faults: () => faults,
      random: options.random ?? Math.random,
      log,
      hold: (socket) => held.hold(socket),
      strikes,
      pageCap,
    });
  };
  const server: Server =
    options.tls === undefined ? createServer(listener) : createHttpsServer(options.tls, listener);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const scheme = options.tls === undefined ? 'http' : 'https';
  let closing: Promise<void> | undefined;

  return {
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    credentials: { ...DEMO_CREDENTIALS },
    tenant,
    setFaults: (next) => {
      faults = checkFaults(next);
    },
    setTokenLifetime: (seconds) => authority.setLifetime(seconds),
    requests: () => log.snapshot(),
    close: () => (closing ??= close(server, held)),
  };
}

function checkPageCap(cap: number | undefined): number | undefined {
  if (cap !== undefined && (!Number.isSafeInteger(cap) || cap < 1)) {
    throw new RangeError(`pageCap must be a whole number of at least 1, not ${cap}`);
  }
  return cap;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server, held: HeldSockets): Promise<void> {
  return new Promise((resolve, reject) => {
    held.releaseAll();
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
