import { describe, expect, it } from 'vitest';
import { DiscoveryService } from '../../../src-main/services/discovery/discovery-service';
import type { DiscoveryEnvironment } from '../../../src-main/services/discovery/environment';
import {
  PbxJoin,
  registrationSource,
  type PbxDirectoryClient,
} from '../../../src-main/services/discovery/pbx-join';
import type { LocalInterface } from '../../../src-main/services/discovery/plan';
import type { Scanner, ScanListener } from '../../../src-main/services/discovery/scanner';
import {
  createSimulatedEnvironment,
  simulatedHosts,
} from '../../../src-main/services/discovery/simulated-lan';
import type {
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
} from '../../../src-main/services/discovery/types';
import { isFieldkitError } from '../../../src-main/services/errors';
import { probesRefused } from '../../../src-main/services/discovery/network-sweep';
import type { Device, Registration } from '../../../src-main/services/rainbow/types';
import { FakeClock, settle } from '../../support/fake-clock';

const lab: LocalInterface[] = [
  { name: 'br0', internal: false, ipv4: [{ address: '198.18.0.1', prefix: 16 }], isDefaultRoute: true },
];

const device = (fields: Partial<Device> & Pick<Device, 'id'>): Device => ({
  description: 'Desk',
  systemId: 'sys',
  deviceType: { id: 1, vendor: 'ALE', model: 'M3' },
  ...fields,
});

const DEVICES: Device[] = [
  device({ id: 'd-m3', macAddress: '487a55000002', shortNumber: '81001', userDisplayName: 'Alice Martin' }),
  device({ id: 'd-spare', macAddress: '487a55000003', description: 'Spare' }),
  device({ id: 'd-far', macAddress: '487a550000ff' }),
  device({
    id: 'h-1',
    ipei: '03807e7898',
    description: 'DECT - Maintenance',
    shortNumber: '81012',
    deviceType: { id: 2, vendor: 'ALE', model: '8214' },
  }),
];

const REGISTRATIONS: Record<string, Registration[]> = {
  'd-m3': [
    {
      id: 'r1',
      fullSipURI: 'sip:81001@198.18.0.11:5060',
      expirationDate: '2030-01-01 00:00:00',
      publicSourceRegistration: 'sip:91.161.84.45:19925;transport=tls',
    },
  ],
  'h-1': [
    {
      id: 'r2',
      fullSipURI: 'sip:81012@198.18.0.31:59952;transport=TLS',
      expirationDate: '2030-01-01 00:00:00',
      dectVersion: '0690_0005',
      macAddress: '00087B1F5759',
      user_agent: 'IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8)',
    },
  ],
};

class FakeDirectory implements PbxDirectoryClient {
  readonly registrationCalls: string[] = [];
  failDevices = false;
  async listDevices(): Promise<Device[]> {
    if (this.failDevices) throw new Error('CloudPBX unreachable');
    return DEVICES;
  }
  async listDeviceRegistrations(_systemId: string, deviceId: string): Promise<Registration[]> {
    this.registrationCalls.push(deviceId);
    return REGISTRATIONS[deviceId] ?? [];
  }
}

/** A scanner the test drives: it reports what the test tells it to and ends when told to (or stopped). */
class ScriptedScanner implements Scanner {
  listener: ScanListener | undefined;
  signal: AbortSignal | undefined;
  #finish: (() => void) | undefined;

  scan(_plan: unknown, listener: ScanListener, signal: AbortSignal) {
    this.listener = listener;
    this.signal = signal;
    return new Promise<{ problems: string[] }>((resolve) => {
      this.#finish = () => resolve({ problems: [] });
      signal.addEventListener('abort', () => resolve({ problems: [] }), { once: true });
    });
  }

  finish(): void {
    this.#finish?.();
  }
}

function setUp(options: { signedIn?: boolean } = {}) {
  const scanner = new ScriptedScanner();
  const directory = new FakeDirectory();
  const environment: DiscoveryEnvironment = {
    simulated: false,
    interfaces: async () => lab,
    scanner,
    identifier: { identify: async () => [] },
  };
  const found: DiscoveryFoundEvent[] = [];
  const progress: DiscoveryProgressEvent[] = [];
  const finished: DiscoveryFinishedEvent[] = [];
  let ids = 0;
  const service = new DiscoveryService({
    environment: () => environment,
    pbxDirectory: () => (options.signedIn === false ? undefined : directory),
    events: {
      found: (event) => found.push(event),
      progress: (event) => progress.push(event),
      finished: (event) => finished.push(event),
    },
    newScanId: () => `scan-${++ids}`,
  });
  return { scanner, directory, service, found, progress, finished };
}

describe('DiscoveryService', () => {
  it('streams merged rows and progress, and finishes with the results', async () => {
    const t = setUp();
    const { scanId, plan } = await t.service.start({ subnets: ['198.18.0.0/24'] });
    expect(plan.addresses).toBe(253);
    t.scanner.listener?.progress({ probed: 10, total: 253 });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' });
    t.scanner.listener?.observe({
      source: 'sip',
      ip: '198.18.0.11',
      identity: { model: 'M3-CE', kind: 'deskphone' },
    });
    expect(t.found.map((event) => event.device.sources)).toEqual([['arp'], ['arp', 'sip']]);
    expect(t.progress).toEqual([{ scanId, simulated: false, probed: 10, total: 253 }]);
    expect(t.service.results(scanId).state).toBe('running');
    t.scanner.finish();
    const results = await t.service.whenFinished(scanId);
    expect(results).toMatchObject({ state: 'finished', handsets: null, problems: [] });
    expect(results.devices).toHaveLength(1);
    expect(t.finished).toEqual([
      expect.objectContaining({ scanId, state: 'finished', stopped: false, found: 1, simulated: false }),
    ]);
  });

  it('tags every event with the id the caller chose, and refuses to start a scan with an id in use', async () => {
    const t = setUp();
    const scanId = '0b8f9a52-3c1e-4c8e-9d7a-2f4b6e8a1c3d';
    expect((await t.service.start({ subnets: ['198.18.0.0/24'], scanId })).scanId).toBe(scanId);
    t.scanner.listener?.progress({ probed: 1, total: 253 });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' });
    await expect(t.service.start({ subnets: ['198.18.0.0/24'], scanId })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(t.service.results(scanId).state).toBe('running');
    t.scanner.finish();
    await t.service.whenFinished(scanId);
    const events = [...t.progress, ...t.found, ...t.finished];
    expect(events.map((event) => event.scanId)).toEqual([scanId, scanId, scanId]);
  });

  it('joins found MACs with the CloudPBX, reading registrations only for those, and lists its handsets', async () => {
    const t = setUp();
    const { scanId } = await t.service.start({ subnets: ['198.18.0.0/24'], systemId: 'sys' });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.12', mac: '487a55000003' });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.13', mac: '487a55000004' });
    t.scanner.finish();
    const results = await t.service.whenFinished(scanId);
    expect(results.devices.map((row) => row.pbx)).toEqual([
      {
        deviceId: 'd-m3',
        provisioned: true,
        description: 'Desk',
        model: 'M3',
        subscriber: { shortNumber: '81001', name: 'Alice Martin' },
        registered: true,
        registeredFrom: '91.161.84.45:19925',
      },
      {
        deviceId: 'd-spare',
        provisioned: true,
        description: 'Spare',
        model: 'M3',
        subscriber: null,
        registered: false,
        registeredFrom: null,
      },
      {
        deviceId: null,
        provisioned: false,
        description: null,
        model: null,
        subscriber: null,
        registered: false,
        registeredFrom: null,
      },
    ]);
    expect(t.directory.registrationCalls.sort()).toEqual(['d-m3', 'd-spare', 'h-1']);
    expect(results.handsets).toEqual([
      {
        deviceId: 'h-1',
        ipei: '03807e7898',
        description: 'DECT - Maintenance',
        model: '8214',
        subscriber: { shortNumber: '81012', name: null },
        registered: true,
        registeredFrom: '198.18.0.31:59952',
        dectVersion: '0690_0005',
        baseMac: '00087b1f5759',
      },
    ]);
    const updates = t.found.filter((event) => event.device.mac === '487a55000002');
    expect(updates.at(-1)?.device.pbx?.registered).toBe(true);
  });

  it('says so when the CloudPBX cannot be read, and when nobody is signed in', async () => {
    const t = setUp();
    t.directory.failDevices = true;
    const failing = await t.service.start({ subnets: ['198.18.0.0/24'], systemId: 'sys' });
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' });
    t.scanner.finish();
    const results = await t.service.whenFinished(failing.scanId);
    expect(results.problems).toEqual(['The CloudPBX devices could not be read: CloudPBX unreachable']);
    expect(results.devices[0]?.pbx).toBeUndefined();

    const signedOut = setUp({ signedIn: false });
    const scan = await signedOut.service.start({ subnets: ['198.18.0.0/24'], systemId: 'sys' });
    signedOut.scanner.finish();
    expect((await signedOut.service.whenFinished(scan.scanId)).problems).toEqual([
      'Not signed in: the CloudPBX status of the devices is not shown.',
    ]);
  });

  it('stops a scan: the scanner is aborted and nothing more is reported', async () => {
    const t = setUp();
    const { scanId } = await t.service.start({ subnets: ['198.18.0.0/24'] });
    expect(await t.service.stop(scanId)).toEqual({ stopped: true });
    expect(t.scanner.signal?.aborted).toBe(true);
    t.scanner.listener?.observe({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' });
    expect(t.found).toEqual([]);
    expect(t.finished).toEqual([expect.objectContaining({ state: 'stopped', stopped: true })]);
    expect(await t.service.stop(scanId)).toEqual({ stopped: false });
  });

  it('runs one scan at a time: a new one stops the running one', async () => {
    const t = setUp();
    const first = await t.service.start({ subnets: ['198.18.0.0/24'] });
    const firstSignal = t.scanner.signal;
    await t.service.start({ subnets: ['198.18.1.0/24'] });
    expect(firstSignal?.aborted).toBe(true);
    expect(t.service.results(first.scanId).state).toBe('stopped');
  });

  it('refuses a scan wider than /22 until it is confirmed, and an unknown scan id', async () => {
    const t = setUp();
    await expect(t.service.start({ subnets: ['198.18.0.0/21'] })).rejects.toSatisfy((error) =>
      isFieldkitError(error, 'invalid-input'),
    );
    await expect(t.service.start({ subnets: ['198.18.0.0/21'], confirmed: true })).resolves.toMatchObject({
      plan: { needsConfirmation: true, addresses: 2045 },
    });
    expect(() => t.service.results('nope')).toThrow(/There is no scan nope/);
  });

  it('fails a scan the system refuses, with the message for the technician', async () => {
    const t = setUp();
    const environment: DiscoveryEnvironment = {
      simulated: false,
      interfaces: async () => lab,
      scanner: { scan: async () => Promise.reject(probesRefused('EPERM', 'linux')) },
      identifier: { identify: async () => [] },
    };
    const finished: DiscoveryFinishedEvent[] = [];
    const service = new DiscoveryService({
      environment: () => environment,
      pbxDirectory: () => undefined,
      events: { found: () => undefined, progress: () => undefined, finished: (e) => finished.push(e) },
    });
    const { scanId } = await service.start({ subnets: ['198.18.0.0/24'] });
    const results = await service.whenFinished(scanId);
    expect(results.state).toBe('failed');
    expect(results.error).toMatchObject({
      code: 'permission-denied',
      message: expect.stringMatching(/EPERM/),
    });
    expect(finished).toEqual([expect.objectContaining({ state: 'failed', error: results.error })]);
    expect(t.found).toEqual([]);
  });
});

describe('PbxJoin', () => {
  it('reads where a registration comes from', () => {
    const base = { id: 'r', expirationDate: '' };
    expect(registrationSource({ ...base, fullSipURI: 'sip:81001@192.168.101.17:40792;transport=tls' })).toBe(
      '192.168.101.17:40792',
    );
    expect(
      registrationSource({
        ...base,
        fullSipURI: 'sip:x@y',
        publicSourceRegistration: 'sip:195.128.146.194:59952;transport=tls',
      }),
    ).toBe('195.128.146.194:59952');
  });

  it('marks registrations that could not be read as unknown', async () => {
    const directory = new FakeDirectory();
    directory.listDeviceRegistrations = async () => {
      throw new Error('502 Bad Gateway');
    };
    const join = new PbxJoin(directory, 'sys');
    expect(await join.statusOf('487a55000002')).toMatchObject({ provisioned: true, registered: null });
    expect(join.problems).toEqual(['SIP registrations could not be read: 502 Bad Gateway']);
  });
});

describe('the simulated LAN', () => {
  const phones = [
    {
      mac: '487a550a1b01',
      kind: 'deskphone',
      ip: '198.18.1.20',
      model: '8078s',
      firmware: '5.1.1.9',
      online: true,
    },
    {
      mac: '00087b1f5759',
      kind: 'dect-base',
      ip: '198.18.1.21',
      model: '8378 DECT IP-xBS',
      firmware: '99.01.0004',
      online: true,
    },
    {
      ipei: '03807e7898',
      kind: 'dect-handset',
      ip: '198.18.1.21',
      model: '8214',
      firmware: '99.01.0004',
      online: true,
    },
    {
      mac: '487a550a1b02',
      kind: 'deskphone',
      ip: '198.18.1.22',
      model: '8068s',
      firmware: '5.1.1.9',
      online: false,
    },
  ];

  it('holds the online phones with a MAC and the usual office devices', () => {
    const { hosts } = simulatedHosts(phones);
    expect(hosts.map((host) => host.ip)).toEqual([
      '198.18.1.1',
      '198.18.1.2',
      '198.18.1.3',
      '198.18.1.20',
      '198.18.1.21',
    ]);
    expect(hosts[3]?.userAgent).toBe('ALE 8078s 5.1.1.9 487a550a1b01');
  });

  it('answers a paced scan like a real LAN, labelled simulated', async () => {
    const clock = new FakeClock(0);
    const found: DiscoveryFoundEvent[] = [];
    const finished: DiscoveryFinishedEvent[] = [];
    const service = new DiscoveryService({
      environment: () => createSimulatedEnvironment(async () => phones, clock),
      pbxDirectory: () => undefined,
      events: { found: (e) => found.push(e), progress: () => undefined, finished: (e) => finished.push(e) },
    });
    expect(await service.interfaces()).toEqual([
      { name: 'demo-lan', addresses: ['198.18.1.10'], cidr: '198.18.1.0/24', isDefaultRoute: true },
    ]);
    const { scanId, plan } = await service.start({});
    expect(plan).toMatchObject({ simulated: true, addresses: 253 });
    await clock.advance(100);
    expect(found.length).toBeGreaterThan(0);
    expect(finished).toEqual([]);
    await clock.advance(2000);
    await settle();
    const results = service.results(scanId);
    expect(results).toMatchObject({ state: 'finished', simulated: true });
    expect(results.devices.map((row) => [row.ip, row.kind, row.model])).toEqual([
      ['198.18.1.1', 'other', null],
      ['198.18.1.2', 'other', null],
      ['198.18.1.3', 'other', null],
      ['198.18.1.20', 'deskphone', '8078s'],
      ['198.18.1.21', 'dect-base', 'IPDECT-V2'],
    ]);
    expect(found.every((event) => event.simulated)).toBe(true);
  });
});
