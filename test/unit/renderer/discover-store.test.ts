// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredDevice, PbxStatus, ScanResults } from '@api/types';
import { ApiError } from '@renderer/api/api';
import { useDiscoveryStore } from '@renderer/features/discover/discovery-store';
import { deskphone } from './support/fake-device-calls';
import { scanPlan, scanResults } from './support/fake-discovery-calls';
import { storeContext } from './support/mount-app';
import type { FakeApi } from './support/fake-api';

const SYSTEM = 'sys-lyon';

type Uuid = ReturnType<typeof crypto.randomUUID>;

// The ids the store chooses for its scans, in order: scan-1, scan-2, …
beforeEach(() => {
  let count = 0;
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `scan-${++count}` as Uuid);
});
afterEach(() => vi.restoreAllMocks());

const pbx = (overrides: Partial<PbxStatus> = {}): PbxStatus => ({
  deviceId: null,
  provisioned: false,
  description: null,
  model: null,
  subscriber: null,
  registered: false,
  registeredFrom: null,
  ...overrides,
});

const host = (mac: string, ip: string, overrides: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
  mac,
  ip,
  vendor: 'ALE',
  kind: 'deskphone',
  model: 'M5',
  firmware: '2.13.0.64',
  sources: ['arp'],
  ...overrides,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function found(fake: FakeApi, scanId: string, device: DiscoveredDevice): void {
  fake.emit('discovery.found', { scanId, simulated: false, device });
}

function finished(
  fake: FakeApi,
  scanId: string,
  state: 'finished' | 'stopped' | 'failed' = 'finished',
): void {
  fake.emit('discovery.finished', {
    scanId,
    simulated: false,
    state,
    durationMs: 1300,
    stopped: state === 'stopped',
    found: 0,
    problems: [],
  });
}

async function running(fake: FakeApi = storeContext().fake) {
  const discovery = useDiscoveryStore();
  await discovery.start({ systemId: SYSTEM });
  return { discovery, fake };
}

const macs = (rows: readonly DiscoveredDevice[]): string[] => rows.map((row) => row.mac);

describe('useDiscoveryStore: the live table', () => {
  it('merges found events by MAC, in place, in address order', async () => {
    const { discovery, fake } = await running();
    expect(discovery.phase).toBe('running');
    found(fake, 'scan-1', host('487a550a1c02', '192.168.1.23'));
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.9'));
    found(fake, 'scan-1', host('487a550a1c03', '192.168.1.100'));
    expect(macs(discovery.devices)).toEqual(['487a550a1c01', '487a550a1c02', '487a550a1c03']);

    const before = discovery.devices;
    found(fake, 'scan-1', host('487a550a1c02', '192.168.1.23', { sources: ['arp', 'sip'], pbx: pbx() }));
    expect(discovery.devices).toHaveLength(3);
    expect(discovery.devices).toBe(before);
    expect(discovery.devices[1]?.sources).toEqual(['arp', 'sip']);
    expect(discovery.devices[1]?.pbx?.provisioned).toBe(false);
  });

  it('ignores the events of any other scan', async () => {
    const { discovery, fake } = await running();
    found(fake, 'scan-0', host('487a550a1c01', '192.168.1.20'));
    fake.emit('discovery.progress', { scanId: 'scan-0', simulated: false, probed: 7, total: 9 });
    finished(fake, 'scan-0');
    expect(discovery.devices).toHaveLength(0);
    expect(discovery.progress).toEqual({ probed: 0, total: 253 });
    expect(discovery.phase).toBe('running');
  });

  it('follows the progress, then reads the results back once the scan has finished', async () => {
    const { discovery, fake } = await running();
    fake.emit('discovery.progress', { scanId: 'scan-1', simulated: false, probed: 120, total: 253 });
    expect(discovery.progress).toEqual({ probed: 120, total: 253 });
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.20'));

    const handsets: ScanResults['handsets'] = [
      {
        deviceId: 'dev-2',
        ipei: '03807e7898',
        description: 'DECT - Maintenance',
        model: '8214DECT',
        subscriber: null,
        registered: true,
        registeredFrom: '203.0.113.1:5060',
        dectVersion: null,
        baseMac: '00087b1f5759',
      },
    ];
    const joined = host('487a550a1c01', '192.168.1.20', {
      pbx: pbx({ deviceId: 'dev-1', provisioned: true, registered: true }),
    });
    fake.api.discovery.results.mockResolvedValueOnce(
      scanResults('scan-1', { devices: [joined], handsets, problems: ['The CloudPBX was slow.'] }),
    );
    finished(fake, 'scan-1');
    expect(discovery.phase).toBe('finished');
    expect(discovery.scan?.durationMs).toBe(1300);
    await expect.poll(() => discovery.handsets).toEqual(handsets);
    expect(fake.api.discovery.results).toHaveBeenCalledWith({ scanId: 'scan-1' });
    expect(discovery.devices[0]?.pbx?.registered).toBe(true);
    expect(discovery.progress).toEqual({ probed: 253, total: 253 });
    expect(discovery.scan?.problems).toEqual(['The CloudPBX was slow.']);
  });

  it('keeps the error of a scan that failed once started', async () => {
    const { discovery, fake } = await running();
    fake.emit('discovery.finished', {
      scanId: 'scan-1',
      simulated: false,
      state: 'failed',
      durationMs: 5,
      stopped: false,
      found: 0,
      problems: [],
      error: { code: 'forbidden', message: 'Raw sockets need privileges.', hint: 'Run as administrator.' },
    });
    expect(discovery.phase).toBe('failed');
    expect(discovery.scan?.error?.hint).toBe('Run as administrator.');
    expect(fake.api.discovery.results).not.toHaveBeenCalled();
  });
});

describe('useDiscoveryStore: starting and stopping', () => {
  it('shows the rows of its own scan that arrive before the start answers, and keeps them', async () => {
    const { fake } = storeContext();
    const answer = deferred<{ scanId: string; plan: ReturnType<typeof scanPlan> }>();
    fake.api.discovery.start.mockReturnValueOnce(answer.promise);
    const discovery = useDiscoveryStore();
    const starting = discovery.start({ systemId: SYSTEM });
    expect(fake.api.discovery.start).toHaveBeenCalledWith({ systemId: SYSTEM, scanId: 'scan-1' });
    expect(discovery.phase).toBe('starting');
    found(fake, 'someone-else', host('00113226ab03', '192.168.1.3', { kind: 'other' }));
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.20'));
    fake.emit('discovery.progress', { scanId: 'scan-1', simulated: false, probed: 30, total: 253 });
    finished(fake, 'scan-1');
    expect(macs(discovery.devices)).toEqual(['487a550a1c01']);
    expect(discovery.progress).toEqual({ probed: 30, total: 253 });
    expect(discovery.phase).toBe('starting');

    fake.api.discovery.results.mockResolvedValueOnce(
      scanResults('scan-1', { devices: [host('487a550a1c01', '192.168.1.20', { pbx: pbx() })] }),
    );
    answer.resolve({ scanId: 'scan-1', plan: scanPlan() });
    expect(await starting).toEqual({ status: 'started' });
    expect(discovery.phase).toBe('finished');
    expect(discovery.scan?.scanId).toBe('scan-1');
    expect(macs(discovery.devices)).toEqual(['487a550a1c01']);
    await expect.poll(() => fake.api.discovery.results.mock.calls.length).toBe(1);
    await expect.poll(() => discovery.devices[0]?.pbx?.provisioned).toBe(false);
  });

  it('stops a scan whose Stop was pressed before its start answered, once it exists', async () => {
    const { fake } = storeContext();
    const answer = deferred<{ scanId: string; plan: ReturnType<typeof scanPlan> }>();
    fake.api.discovery.start.mockReturnValueOnce(answer.promise);
    const discovery = useDiscoveryStore();
    const starting = discovery.start({ systemId: SYSTEM });
    await discovery.stop();
    expect(fake.api.discovery.stop).not.toHaveBeenCalled();
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.20'));
    expect(fake.api.discovery.stop).toHaveBeenCalledWith({ scanId: 'scan-1' });
    answer.resolve({ scanId: 'scan-1', plan: scanPlan() });
    await starting;
    expect(fake.api.discovery.stop).toHaveBeenCalledTimes(1);
  });

  it('stops a scan whose start answers after the screen was reset', async () => {
    const { fake } = storeContext();
    const answer = deferred<{ scanId: string; plan: ReturnType<typeof scanPlan> }>();
    fake.api.discovery.start.mockReturnValueOnce(answer.promise);
    const discovery = useDiscoveryStore();
    const starting = discovery.start({ systemId: SYSTEM });
    discovery.reset();
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.20'));
    answer.resolve({ scanId: 'scan-1', plan: scanPlan() });
    expect(await starting).toEqual({ status: 'refused' });
    expect(fake.api.discovery.stop).toHaveBeenCalledWith({ scanId: 'scan-1' });
    expect(fake.api.discovery.stop).toHaveBeenCalledTimes(1);
    expect(discovery.devices).toEqual([]);
    expect(discovery.phase).toBe('idle');
  });

  it('stops the running scan by its id', async () => {
    const { discovery, fake } = await running();
    await discovery.stop();
    expect(fake.api.discovery.stop).toHaveBeenCalledWith({ scanId: 'scan-1' });
    finished(fake, 'scan-1', 'stopped');
    expect(discovery.phase).toBe('stopped');
  });

  it('keeps the refusal of a start, its hint included, and the previous results', async () => {
    const { discovery, fake } = await running();
    const row = host('487a550a1c01', '192.168.1.20');
    fake.api.discovery.results.mockResolvedValueOnce(scanResults('scan-1', { devices: [row] }));
    found(fake, 'scan-1', row);
    finished(fake, 'scan-1');
    await expect.poll(() => fake.api.discovery.results.mock.calls.length).toBe(1);
    const refusal = {
      code: 'invalid-input' as const,
      message: 'Interface "eth1" has no IPv4 address, so there is nothing to scan from it.',
      hint: 'Plug the cable into the customer LAN.',
      issues: [{ field: 'interface', message: 'no IPv4' }],
    };
    fake.api.discovery.start.mockRejectedValueOnce(new ApiError(refusal));
    expect(await discovery.start({ systemId: SYSTEM, interface: 'eth1' })).toEqual({ status: 'refused' });
    expect(discovery.failure).toEqual({ stage: 'refused', error: refusal });
    expect(discovery.phase).toBe('finished');
    expect(discovery.devices).toHaveLength(1);
  });

  it('answers the plan of a subnet wider than /22 for confirmation, then starts it confirmed', async () => {
    const { fake } = storeContext();
    const discovery = useDiscoveryStore();
    fake.api.discovery.start.mockRejectedValueOnce(
      new ApiError({
        code: 'invalid-input',
        message: 'This scan covers 4,093 addresses and takes about 14 s: confirm it first.',
        issues: [{ field: 'confirmed', message: 'Confirm a scan of a subnet wider than /22.' }],
      }),
    );
    const wide = scanPlan({ addresses: 4093, estimatedMs: 14_044, needsConfirmation: true });
    fake.api.discovery.plan.mockResolvedValueOnce(wide);
    const request = { systemId: SYSTEM, interface: 'eth0', subnets: ['192.168.0.0/20'] };
    expect(await discovery.start(request)).toEqual({ status: 'confirm', plan: wide });
    expect(fake.api.discovery.plan).toHaveBeenCalledWith({ interface: 'eth0', subnets: ['192.168.0.0/20'] });
    expect(discovery.failure).toBeUndefined();
    expect(discovery.phase).toBe('idle');

    expect(await discovery.start({ ...request, confirmed: true })).toEqual({ status: 'started' });
    expect(fake.api.discovery.start).toHaveBeenLastCalledWith({
      ...request,
      confirmed: true,
      scanId: 'scan-2',
    });
  });
});

describe('useDiscoveryStore: filters and CloudPBX marks', () => {
  async function table() {
    const { discovery, fake } = await running();
    const rows = [
      host('0c8ddb4e2a01', '192.168.1.1', { kind: 'other', vendor: null, model: null, pbx: pbx() }),
      host('00087b1f5759', '192.168.1.20', { kind: 'dect-base', pbx: pbx() }),
      host('487a550a1c01', '192.168.1.22', { pbx: pbx() }),
      host('487a550a1b01', '192.168.1.26', {
        pbx: pbx({
          deviceId: 'dev-1',
          provisioned: true,
          subscriber: { shortNumber: '81001', name: 'Camille Martin' },
          registered: true,
        }),
      }),
      host('487a550a1b0c', '192.168.1.37', { pbx: pbx({ deviceId: 'dev-12', provisioned: true }) }),
      host('487a550a1b0d', '192.168.1.38', {
        pbx: pbx({ deviceId: 'dev-13', provisioned: true, subscriber: { shortNumber: '81013', name: null } }),
      }),
      host('487a550a1c09', '192.168.1.40'),
    ];
    for (const row of rows) found(fake, 'scan-1', row);
    return { discovery, fake };
  }

  it('lists deskphones and DECT bases by default, every host on request', async () => {
    const { discovery } = await table();
    expect(discovery.devices).toHaveLength(7);
    expect(discovery.shown.map((row) => row.kind)).not.toContain('other');
    expect(discovery.shown).toHaveLength(6);
    discovery.filters = { ...discovery.filters, allHosts: true };
    expect(discovery.shown).toHaveLength(7);
  });

  it('filters on the CloudPBX status, leaving out rows not joined yet', async () => {
    const { discovery } = await table();
    discovery.filters = { allHosts: false, statuses: ['new'] };
    expect(macs(discovery.shown)).toEqual(['00087b1f5759', '487a550a1c01']);
    discovery.filters = { allHosts: false, statuses: ['provisioned'] };
    expect(macs(discovery.shown)).toEqual(['487a550a1b0c']);
    discovery.filters = { allHosts: false, statuses: ['assigned', 'registered'] };
    expect(macs(discovery.shown)).toEqual(['487a550a1b01', '487a550a1b0d']);
  });

  it('marks a row from the device registered for its MAC, over what the scan said', async () => {
    const { discovery, fake } = await table();
    discovery.markDevice(
      deskphone({ id: 'dev-new', macAddress: '487A550A1C01', shortNumber: undefined, description: 'Hall' }),
    );
    const marked = discovery.row('487a550a1c01');
    expect(marked?.pbx).toMatchObject({ deviceId: 'dev-new', provisioned: true, description: 'Hall' });
    expect(marked?.pbx?.subscriber).toBeNull();

    // The scan's stale rows (found again, then its results) keep the mark.
    found(fake, 'scan-1', host('487a550a1c01', '192.168.1.22', { pbx: pbx() }));
    fake.api.discovery.results.mockResolvedValueOnce(
      scanResults('scan-1', { devices: [host('487a550a1c01', '192.168.1.22', { pbx: pbx() })] }),
    );
    finished(fake, 'scan-1');
    await expect.poll(() => discovery.devices.length).toBe(1);
    expect(discovery.row('487a550a1c01')?.pbx?.deviceId).toBe('dev-new');

    discovery.markUnprovisioned('487A550A1C01');
    expect(discovery.row('487a550a1c01')?.pbx?.provisioned).toBe(false);
  });

  it('forgets the scan when another account signs in', async () => {
    const { discovery, fake } = await table();
    fake.emit('session.changed', {
      status: 'online',
      demo: false,
      profile: 'Other',
      host: 'https://openrainbow.com',
    });
    await expect.poll(() => discovery.devices.length).toBe(0);
    expect(discovery.phase).toBe('idle');
    expect(fake.api.discovery.stop).toHaveBeenCalledWith({ scanId: 'scan-1' });
  });
});
