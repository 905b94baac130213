import { randomUUID } from 'node:crypto';
// Discovery through the app's contract in the demo: the composition root picks the simulated LAN of the
// simulator's tenant, events stream through the core's event bus, and each row is joined with the demo
// CloudPBX over real HTTP. No packet leaves the process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-main/api/contract';
import type {
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  NetworkInterfaceSummary,
  ScanPlan,
  ScanResults,
} from '../../../src-main/api/types';
import { createCore, type Core } from '../../../src-main/app/core';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { SEED_DEVICES } from '../../../src-main/simulator/seed/devices';
import { LAN_PHONES } from '../../../src-main/simulator/seed/lan-phones';

const lyon = DEMO_SYSTEM_IDS.lyon;
let core: Core;
let dataDir: string;
const received: { event: EventName; payload: unknown }[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'fieldkit-discovery-'));
  core = createCore({
    dataDir,
    shell: 'browser',
    version: 'test',
    keychainService: 'fieldkit-discovery-test',
  });
  core.events.subscribe((event, payload) => received.push({ event, payload }));
});

afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Resolves with the `discovery.finished` event of a scan once the core emits it. */
function finishedEvent(scanId: string): Promise<DiscoveryFinishedEvent> {
  const seen = received.find(
    (entry) =>
      entry.event === 'discovery.finished' && (entry.payload as DiscoveryFinishedEvent).scanId === scanId,
  );
  if (seen) return Promise.resolve(seen.payload as DiscoveryFinishedEvent);
  return new Promise((resolve) => {
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event === 'discovery.finished' && (payload as DiscoveryFinishedEvent).scanId === scanId) {
        unsubscribe();
        resolve(payload as DiscoveryFinishedEvent);
      }
    });
  });
}

describe('discovery in the demo', () => {
  it('scans the simulated LAN of the chosen site, streams rows, and joins them with the CloudPBX', async () => {
    await call('session.openDemo');
    const interfaces = await call<NetworkInterfaceSummary[]>('discovery.interfaces');
    expect(interfaces).toEqual([
      { name: 'demo-lan', addresses: ['198.18.1.10'], cidr: '198.18.1.0/24', isDefaultRoute: true },
    ]);
    const { scanId, plan } = await call<{ scanId: string; plan: ScanPlan }>('discovery.start', {
      scanId: randomUUID(),
      systemId: lyon,
    });
    expect(plan).toMatchObject({ simulated: true, addresses: 253, subnets: [{ cidr: '198.18.1.0/24' }] });

    const finished = await finishedEvent(scanId);
    expect(finished).toMatchObject({ state: 'finished', simulated: true, stopped: false, problems: [] });
    const found = received
      .filter((entry) => entry.event === 'discovery.found')
      .map((entry) => entry.payload as DiscoveryFoundEvent);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((event) => event.simulated && event.scanId === scanId)).toBe(true);
    expect(received.some((entry) => entry.event === 'discovery.progress')).toBe(true);

    const results = await call<ScanResults>('discovery.results', { scanId });
    expect(results).toMatchObject({
      state: 'finished',
      simulated: true,
      progress: { probed: 253, total: 253 },
    });
    const byMac = new Map(results.devices.map((device) => [device.mac, device]));

    // A new phone in its box on the Lyon LAN: found, not provisioned.
    const fresh = LAN_PHONES.find((phone) => phone.systemId === lyon && phone.kind === 'deskphone');
    expect(byMac.get(fresh?.macAddress ?? '')).toMatchObject({
      kind: 'deskphone',
      model: fresh?.model,
      firmware: fresh?.firmware,
      sources: expect.arrayContaining(['arp', 'sip']),
      pbx: { provisioned: false, deviceId: null },
    });
    // A provisioned, assigned deskphone: its CloudPBX device, subscriber and registration.
    const reception = SEED_DEVICES.find((seed) => seed.description === 'Reception desk');
    expect(byMac.get(reception?.macAddress ?? '')).toMatchObject({
      kind: 'deskphone',
      pbx: {
        provisioned: true,
        description: 'Reception desk',
        subscriber: { shortNumber: reception?.shortNumber },
        registered: true,
        registeredFrom: expect.any(String),
      },
    });
    // Only Lyon's phones: none of Grenoble's.
    const grenobleMacs = SEED_DEVICES.filter((seed) => seed.site === 'grenoble' && seed.macAddress).map(
      (seed) => seed.macAddress,
    );
    expect(results.devices.some((device) => grenobleMacs.includes(device.mac))).toBe(false);
    // Lyon's DECT handsets by IPEI.
    const lyonIpeis = SEED_DEVICES.filter((seed) => seed.site === 'lyon' && seed.ipei).map(
      (seed) => seed.ipei,
    );
    expect(results.handsets?.map((handset) => handset.ipei).sort()).toEqual(lyonIpeis.sort());
  });

  it('identifies one simulated address, and validates its input', async () => {
    const results = await call<{ device: { mac: string; kind: string } | null; simulated: boolean }>(
      'discovery.identify',
      { ip: '198.18.1.1' },
    );
    expect(results).toMatchObject({ simulated: true, device: { kind: 'other' } });
    const refused = await core.router.dispatch('discovery.identify', { ip: 'printer' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const notOnLan = await core.router.dispatch('discovery.plan', { subnets: ['10.0.0.0/24'] });
    expect(notOnLan).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/This machine is not on 10\.0\.0\.0\/24/),
      },
    });
  });

  it('stops a running scan at once', async () => {
    const { scanId } = await call<{ scanId: string }>('discovery.start', {
      scanId: randomUUID(),
      systemId: lyon,
      rate: 10,
    });
    expect(await call('discovery.stop', { scanId })).toEqual({ stopped: true });
    const results = await call<ScanResults>('discovery.results', { scanId });
    expect(results.state).toBe('stopped');
    expect(results.progress.probed).toBeLessThan(results.progress.total);
    expect((await finishedEvent(scanId)).stopped).toBe(true);
  });
});
