// Fault proof: a 500-line import (create + assign) against a simulator answering about 5% of requests 503, 1%
// 429 with Retry-After, and never answering 2% (the client gives up after a short timeout), with tokens that
// live 20 s of a virtual clock the requests move forward. The CloudPBX must end exactly as the file wants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplyProgressEvent, ImportReport } from '../../../src-main/services/batch/types';
import { ApplyRuns } from '../../../src-main/services/batch/apply/apply-runs';
import { CatalogService, CatalogStore } from '../../../src-main/services/catalog';
import { signIn, type HttpTransport, type RainbowClient } from '../../../src-main/services/rainbow';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { differences, generateImport } from './import-fixture';
import { scratchDir } from './support';
import { FakeClock } from '../../support/fake-clock';
import { seededRandom } from './seeded-random';

const lyon = DEMO_SYSTEM_IDS.lyon;
const LINES = 500;
const SEED = Number(process.env.FIELDKIT_FAULT_SEED ?? Date.now() % 1_000_000);
/** Virtual time each request takes: 500 lines make a few minutes of it, many token lifetimes. */
const REQUEST_MS = 100;
const scratch = scratchDir();
const clock = new FakeClock(Date.parse('2024-07-19T08:00:00.000Z'));
let simulator: RunningSimulator;
let client: RainbowClient;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: clock.now, random: seededRandom(SEED) });
  simulator.setTokenLifetime(20);
  simulator.setFaults({ errorRate: 0.05, rateLimitRate: 0.01, timeoutRate: 0.02, retryAfterSeconds: 1 });
  const timed =
    (send: HttpTransport): HttpTransport =>
    (request) => {
      clock.tick(REQUEST_MS);
      return send(request);
    };
  client = await signIn(
    { host: simulator.url, ...simulator.credentials },
    { wrapTransport: timed, clock, random: seededRandom(SEED + 1), requestTimeoutMs: 250 },
  );
});

afterAll(async () => {
  client.close();
  await simulator.close();
  scratch.remove();
});

describe(`a ${LINES}-line import under faults (seed ${SEED}; FIELDKIT_FAULT_SEED=${SEED} replays the draws)`, () => {
  it('ends with exactly the wanted devices and assignments, and looks up creates whose answer was lost', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, LINES, 7);
    let ended: (event: ApplyProgressEvent) => void = () => undefined;
    const finished = new Promise<ApplyProgressEvent>((resolve) => (ended = resolve));
    const runs = new ApplyRuns({
      dataDir: scratch.path,
      now: clock.now,
      onProgress: (event) => {
        if (['finished', 'cancelled', 'failed'].includes(event.state)) ended(event);
      },
    });
    const started = await runs.start(
      {
        systemId: lyon,
        fileName: 'faults.csv',
        content: new TextEncoder().encode(csv),
        reassign: false,
        skipInvalid: false,
        concurrency: 8,
      },
      {
        client,
        catalogs: new CatalogService(new CatalogStore(scratch.path), 'faults', clock.now),
        profileKey: 'faults',
      },
    );
    expect(started.report.run?.total).toBe(LINES);
    const last = await finished;
    const report: ImportReport = runs.status(started.runId);
    const failures = report.rows.filter((row) => row.status !== 'done').map((row) => [row.line, row.errors]);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(last).toMatchObject({ state: 'finished', done: LINES });
    expect(last.summary).toMatchObject({ created: LINES, assigned: LINES, failed: 0 });
    expect(differences(simulator.tenant, lyon, wanted), `seed ${SEED}`).toEqual([]);

    const log = simulator.requests();
    const createPath = `/cloudpbxs/${lyon}/devices`;
    // A 503 is sent again at once (the server did not act); a create that timed out has an unknown outcome.
    const timedOutCreates = log.filter(
      (entry) => entry.method === 'POST' && entry.path.endsWith(createPath) && entry.status === 0,
    );
    const lookUps = log.filter(
      (entry) =>
        entry.method === 'GET' && entry.path.endsWith(createPath) && /(^|&)macAddress=/.test(entry.query),
    );
    expect(timedOutCreates.length, `seed ${SEED}: no create timed out`).toBeGreaterThan(0);
    // Every create whose outcome was unknown was followed by a look-up of its device before any new attempt.
    expect(lookUps.length).toBeGreaterThanOrEqual(timedOutCreates.length);
    const firstTimeout = log.findIndex((entry) => entry === timedOutCreates[0]);
    expect(log.slice(firstTimeout).some((entry) => lookUps.includes(entry))).toBe(true);
    expect(log.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
    expect(log.filter((entry) => entry.status === 503).length).toBeGreaterThan(0);
    // Tokens lived 20 s of a run of several virtual minutes: the session was renewed (or signed in again).
    const renewals = log.filter((entry) => /\/authentication\/v1\.0\/(renew|login)$/.test(entry.path));
    expect(renewals.length).toBeGreaterThan(3);
  });
});
