import { describe, expect, it } from 'vitest';
import { DiscoveryTable } from '../../../src-main/services/discovery/discovery-table';
import { createNetworkScanner, socketPoolSize } from '../../../src-main/services/discovery/network-sweep';
import { planScan, plannedTargets, type LocalInterface } from '../../../src-main/services/discovery/plan';
import type { ScanOutcome } from '../../../src-main/services/discovery/scanner';
import type { ScanProgress } from '../../../src-main/services/discovery/types';
import { isFieldkitError } from '../../../src-main/services/errors';
import { FakeLan, type FakeHost } from './support/fake-lan';
import { FakeClock, settle } from '../../support/fake-clock';

const lab: LocalInterface[] = [
  { name: 'br0', internal: false, ipv4: [{ address: '198.18.0.1', prefix: 22 }], isDefaultRoute: true },
];
const HOSTS: FakeHost[] = [
  { ip: '198.18.0.3', mac: '487a55000002', userAgent: 'ALE M3-CE 2.13.0.64 487a55000002' },
  {
    ip: '198.18.0.9',
    mac: '00087b1f5759',
    userAgent: 'IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8)',
  },
  { ip: '198.18.0.20', mac: '0242c6120033' },
  { ip: '198.18.0.21', mac: '487a55000021', web: { vendor: 'ALE', model: 'M7-CE' } },
  { ip: '198.18.0.25', mac: '487a55000099', userAgent: 'ALE M5-CE 2.13.0.64 487a55000099', up: false },
];

function setUp(options: { rate?: number; timeoutMs?: number; hosts?: FakeHost[]; subnet?: string } = {}) {
  const clock = new FakeClock(0);
  const lan = new FakeLan(clock, options.hosts ?? HOSTS);
  const plan = planScan(
    {
      subnets: [options.subnet ?? '198.18.0.0/27'],
      rate: options.rate ?? 100,
      timeoutMs: options.timeoutMs ?? 300,
    },
    lab,
  );
  const table = new DiscoveryTable();
  const progress: ScanProgress[] = [];
  const controller = new AbortController();
  let outcome: ScanOutcome | undefined;
  let failure: unknown;
  const start = (ports = lan.ports()) => {
    void createNetworkScanner(ports)
      .scan(plan, { observe: (o) => table.add(o), progress: (p) => progress.push(p) }, controller.signal)
      .then(
        (result) => (outcome = result),
        (error: unknown) => (failure = error),
      );
  };
  return {
    clock,
    lan,
    plan,
    table,
    progress,
    controller,
    start,
    outcome: () => outcome,
    failure: () => failure,
  };
}

describe('the network sweep', () => {
  it('sends one OPTIONS to every address of the subnet, at the rate, and to nothing else', async () => {
    const scan = setUp({ rate: 100 });
    scan.start();
    await scan.clock.advance(2000);
    expect(scan.lan.sent.map((probe) => probe.ip)).toEqual([...plannedTargets(scan.plan)]);
    expect(scan.plan.addresses).toBe(29);
    scan.lan.sent.forEach((probe, index) => expect(probe.at).toBeGreaterThanOrEqual(index * 10));
    expect(scan.lan.sent.at(-1)?.at).toBe(280);
    expect(
      scan.lan.sent.every((probe) => probe.payload.startsWith(`OPTIONS sip:${probe.ip} SIP/2.0\r\n`)),
    ).toBe(true);
  });

  it('finishes one answer window after the last probe, not when dead addresses would time out', async () => {
    const scan = setUp({ rate: 100, timeoutMs: 300 });
    scan.start();
    await scan.clock.advance(579);
    expect(scan.outcome()).toBeUndefined();
    await scan.clock.advance(1);
    expect(scan.outcome()).toEqual({ problems: [] });
    expect(scan.progress.at(-1)).toEqual({ probed: 29, total: 29 });
    expect(scan.lan.socketsOpen).toBe(0);
    expect(scan.lan.mdnsStopped).toBe(1);
    expect(scan.clock.pending()).toEqual([]);
  });

  it('reports phones and bases with their identity, silent hosts from ARP, and never a host that is down', async () => {
    const scan = setUp();
    scan.start();
    await scan.clock.advance(2000);
    expect(scan.table.rows()).toEqual([
      expect.objectContaining({
        ip: '198.18.0.3',
        kind: 'deskphone',
        model: 'M3-CE',
        sources: ['arp', 'sip'],
      }),
      expect.objectContaining({
        ip: '198.18.0.9',
        kind: 'dect-base',
        model: 'IPDECT-V2',
        firmware: '99.01.0004',
      }),
      expect.objectContaining({ ip: '198.18.0.20', kind: 'other', sources: ['arp'] }),
      expect.objectContaining({
        ip: '198.18.0.21',
        kind: 'deskphone',
        model: 'M7-CE',
        sources: ['arp', 'http'],
      }),
    ]);
    expect(scan.lan.webChecked).toEqual(['198.18.0.21']);
  });

  it('looks at the admin page of a silent ALE host once its own answer window has passed, while the sweep goes on', async () => {
    const scan = setUp({ rate: 100, timeoutMs: 100, subnet: '198.18.0.0/26' });
    scan.start();
    // 198.18.0.21 is probed at 190 ms and seen in the neighbour table at the 200 ms poll.
    await scan.clock.advance(290);
    expect(scan.lan.webChecked).toEqual([]);
    await scan.clock.advance(20);
    expect(scan.lan.webChecked).toEqual(['198.18.0.21']);
    expect(scan.table.get('487a55000021')).toMatchObject({ model: 'M7-CE', sources: ['arp', 'http'] });
    expect(scan.lan.sent.length).toBeLessThan(scan.plan.addresses);
    await scan.clock.advance(2000);
    expect(scan.outcome()).toEqual({ problems: [] });
    expect(scan.lan.webChecked).toEqual(['198.18.0.21']);
  });

  it('shows a phone as soon as it answers, long before the sweep ends', async () => {
    const scan = setUp({ rate: 100 });
    scan.start();
    await scan.clock.advance(15);
    expect(scan.table.get('487a55000002')).toMatchObject({ model: 'M3-CE', sources: ['arp', 'sip'] });
  });

  it('stops all probing at once when stopped', async () => {
    const scan = setUp({ rate: 100 });
    scan.start();
    await scan.clock.advance(155);
    const sentBeforeStop = scan.lan.sent.length;
    expect(sentBeforeStop).toBe(16);
    expect(scan.lan.mdnsQueries).toBe(1);
    scan.controller.abort();
    await settle();
    expect(scan.outcome()).toBeDefined();
    await scan.clock.advance(10_000);
    expect(scan.lan.sent).toHaveLength(sentBeforeStop);
    expect(scan.lan.socketsOpen).toBe(0);
    expect(scan.lan.mdnsStopped).toBe(1);
    const queries = scan.lan.mdnsQueries;
    await scan.clock.advance(5000);
    expect(scan.lan.mdnsQueries).toBe(queries);
    expect(scan.clock.pending()).toEqual([]);
    expect(scan.progress.at(-1)).toEqual({ probed: 16, total: 29 });
  });

  it('fails with a permissions message when the system refuses to send', async () => {
    const scan = setUp();
    scan.lan.sendError = () => Object.assign(new Error('send EPERM'), { code: 'EPERM' });
    scan.start();
    await scan.clock.advance(100);
    const failure = scan.failure();
    expect(isFieldkitError(failure, 'permission-denied')).toBe(true);
    expect((failure as Error).message).toMatch(/refused to send discovery probes \(EPERM\)/);
    const sent = scan.lan.sent.length;
    await scan.clock.advance(1000);
    expect(scan.lan.sent).toHaveLength(sent);
    expect(scan.lan.socketsOpen).toBe(0);
  });

  it('reports probes that could not be sent as a partial failure', async () => {
    const scan = setUp();
    scan.lan.sendError = (ip) =>
      ip === '198.18.0.7' ? Object.assign(new Error('x'), { code: 'ENOBUFS' }) : undefined;
    scan.start();
    await scan.clock.advance(2000);
    expect(scan.outcome()).toEqual({ problems: ['1 probe(s) could not be sent (ENOBUFS)'] });
  });

  it('adds what mDNS advertises, re-queries while scanning, and ignores devices outside the subnet', async () => {
    const scan = setUp({ rate: 100 });
    scan.start();
    // Browsing starts 100 ms into the sweep, after the first SIP answers.
    await scan.clock.advance(99);
    expect(scan.lan.mdnsQueries).toBe(0);
    await scan.clock.advance(51);
    scan.lan.advertise({
      name: 'ALE-M3-CE-487a55000002',
      addresses: [],
      sourceAddress: '198.18.0.3',
      txt: { model: 'M3-CE' },
    });
    scan.lan.advertise({ name: 'elsewhere', addresses: ['198.18.0.200'], txt: { mac: '487a55000200' } });
    await scan.clock.advance(2000);
    expect(scan.table.get('487a55000002')?.sources).toEqual(['arp', 'sip', 'mdns']);
    expect(scan.table.get('487a55000200')).toBeUndefined();
    expect(scan.lan.mdnsQueries).toBe(1);
  });

  it('finishes as soon as every address has answered, without waiting out the answer window', async () => {
    const hosts: FakeHost[] = [
      { ip: '198.18.0.2', mac: '487a55000002', userAgent: 'ALE M3-CE 2.13.0.64 487a55000002' },
      { ip: '198.18.0.3', mac: '487a55000003', userAgent: 'ALE M5-CE 2.13.0.64 487a55000003' },
    ];
    const scan = setUp({ subnet: '198.18.0.0/30', hosts, timeoutMs: 5000 });
    expect(scan.plan.addresses).toBe(1);
    scan.start();
    await scan.clock.advance(100);
    expect(scan.outcome()).toEqual({ problems: [] });
    expect(scan.table.get('487a55000002')?.sources).toEqual(['arp', 'sip']);
  });

  it('spreads probes over enough sockets that those waiting for ARP never fill one', async () => {
    expect(socketPoolSize(1, 65_534)).toBe(1);
    expect(socketPoolSize(300, 65_534)).toBe(17);
    expect(socketPoolSize(2000, 65_534)).toBe(110);
    // A small plan needs sockets for its own addresses only.
    expect(socketPoolSize(2000, 254)).toBe(4);
    const scan = setUp({ rate: 300, subnet: '198.18.0.0/22' });
    expect(scan.plan.addresses).toBe(1021);
    scan.start();
    await scan.clock.advance(5000);
    expect(scan.lan.socketsOpened).toBe(16);
    expect(new Set(scan.lan.sentFrom.slice(0, 16)).size).toBe(16);
    for (const probe of scan.lan.sent) {
      const port = scan.lan.sentFrom[scan.lan.sent.indexOf(probe)];
      expect(probe.payload).toContain(`Contact: <sip:fieldkit@198.18.0.1:${port}>`);
    }
    expect(scan.lan.socketsOpen).toBe(0);
  });

  it('fails with a permissions message when no socket may be opened', async () => {
    const scan = setUp();
    scan.lan.openError = Object.assign(new Error('bind EACCES'), { code: 'EACCES' });
    scan.start();
    await scan.clock.advance(10);
    expect(isFieldkitError(scan.failure(), 'permission-denied')).toBe(true);
    expect(scan.lan.sent).toEqual([]);
  });

  it('re-queries mDNS every second of a long sweep', async () => {
    const scan = setUp({ rate: 10 });
    scan.start();
    await scan.clock.advance(2500);
    expect(scan.lan.mdnsQueries).toBe(3);
  });
});
