import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  parseArpAnDarwin,
  parseArpWindows,
  parseIpNeighJson,
  parseProcNetArp,
} from '../../../src-main/services/discovery/neighbour-parsers';
import {
  createNodeArpLookup,
  interpretNodeArpAnswer,
  type NodeArpGetMac,
} from '../../../src-main/services/discovery/node-arp-lookup';
import { parseProcNetRoute, parseRouteGetDefault } from '../../../src-main/services/discovery/system-network';

describe('neighbour table readers', () => {
  it('reads /proc/net/arp, keeping only resolved entries', () => {
    const table = [
      'IP address       HW type     Flags       HW address            Mask     Device',
      '198.18.0.11      0x1         0x2         48:7a:55:00:00:02     *        br0',
      '198.18.0.50      0x1         0x0         00:00:00:00:00:00     *        br0',
      '198.18.0.60      0x1         0x0         48:7a:55:00:00:60     *        br0',
      '198.18.0.41      0x1         0x6         02:42:c6:12:00:33     *        br0',
      '',
    ].join('\n');
    expect(parseProcNetArp(table)).toEqual([
      { ip: '198.18.0.11', mac: '487a55000002', device: 'br0' },
      { ip: '198.18.0.41', mac: '0242c6120033', device: 'br0' },
    ]);
  });

  it('reads `ip -j neigh`, dropping FAILED, INCOMPLETE and entries without a MAC', () => {
    const json = JSON.stringify([
      { dst: '198.18.0.11', dev: 'br0', lladdr: '48:7a:55:00:00:02', state: ['REACHABLE'] },
      { dst: '198.18.0.12', dev: 'br0', lladdr: '48:7a:55:00:00:03', state: ['STALE'] },
      { dst: '198.18.0.50', dev: 'br0', state: ['FAILED'] },
      { dst: '198.18.0.51', dev: 'br0', lladdr: '48:7a:55:00:00:51', state: ['FAILED'] },
      { dst: '198.18.0.52', dev: 'br0', state: ['INCOMPLETE'] },
      { dst: 'fe80::1', dev: 'br0', lladdr: '48:7a:55:00:00:53', state: ['REACHABLE'] },
    ]);
    expect(parseIpNeighJson(json)).toEqual([
      { ip: '198.18.0.11', mac: '487a55000002', device: 'br0' },
      { ip: '198.18.0.12', mac: '487a55000003', device: 'br0' },
    ]);
    expect(parseIpNeighJson('not json')).toEqual([]);
  });

  it('reads macOS `arp -an`, padding octets that lost their zeros and dropping (incomplete)', () => {
    const text = [
      '? (192.168.1.1) at 0:8:7b:1f:57:9 on en0 ifscope [ethernet]',
      '? (192.168.1.7) at (incomplete) on en0 ifscope [ethernet]',
      '? (192.168.1.255) at ff:ff:ff:ff:ff:ff on en0 ifscope [ethernet]',
      '? (224.0.0.251) at 1:0:5e:0:0:fb on en0 ifscope permanent [ethernet]',
      'printer.local (192.168.1.20) at 48:7a:55:a:b:c on en0 ifscope [ethernet]',
    ].join('\n');
    expect(parseArpAnDarwin(text)).toEqual([
      { ip: '192.168.1.1', mac: '00087b1f5709', device: 'en0' },
      { ip: '192.168.1.20', mac: '487a550a0b0c', device: 'en0' },
    ]);
  });

  it('reads Windows `arp -a`, dropping broadcast, multicast and invalid rows', () => {
    const text = [
      '',
      'Interface: 192.168.1.54 --- 0xb',
      '  Internet Address      Physical Address      Type',
      '  192.168.1.1           50-67-f0-8c-7a-3f     dynamic',
      '  192.168.1.30          00-00-00-00-00-00     invalid',
      '  192.168.1.255         ff-ff-ff-ff-ff-ff     static',
      '  224.0.0.22            01-00-5e-00-00-16     static',
      '',
    ].join('\r\n');
    expect(parseArpWindows(text)).toEqual([
      { ip: '192.168.1.1', mac: '5067f08c7a3f', device: '192.168.1.54' },
    ]);
  });

  it('finds the default route interface', () => {
    const route = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'eth0\t0002000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
      'wlan0\t00000000\t0102A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
    ].join('\n');
    expect(parseProcNetRoute(route)).toBe('wlan0');
    expect(parseProcNetRoute(route.split('\n').slice(0, 2).join('\n'))).toBeUndefined();
    expect(parseRouteGetDefault('   route to: default\n  gateway: 192.168.1.1\n  interface: en0\n')).toBe(
      'en0',
    );
  });
});

describe('the node-arp wrapper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses what node-arp reports as success for a host that did not answer', () => {
    expect(interpretNodeArpAnswer(false, '(incomplete)')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(interpretNodeArpAnswer(false, undefined)).toMatchObject({ ok: false, detail: 'no entry' });
    expect(interpretNodeArpAnswer(false, '00:00:00:00:00:00')).toMatchObject({ ok: false });
    expect(interpretNodeArpAnswer(true, 'Count not find ip in arp table')).toMatchObject({ ok: false });
  });

  it('pads the octets macOS leaves unpadded', () => {
    expect(interpretNodeArpAnswer(false, '0:8:7b:1f:57:9')).toEqual({ ok: true, mac: '00087b1f5709' });
    expect(interpretNodeArpAnswer(false, '48:7a:55:00:00:02\n')).toEqual({ ok: true, mac: '487a55000002' });
  });

  const tools = async (): Promise<boolean> => true;

  it('gives up after its timeout when node-arp never calls back', async () => {
    vi.useFakeTimers();
    const never: NodeArpGetMac = () => undefined;
    const lookup = createNodeArpLookup({ getMac: never, timeoutMs: 2000, commandExists: tools });
    const result = lookup('192.168.1.9');
    await vi.advanceTimersByTimeAsync(2000);
    expect(await result).toEqual({ ok: false, reason: 'timeout', detail: 'no answer within 2000 ms' });
  });

  it('answers the validated MAC', async () => {
    const getMac: NodeArpGetMac = (_ip, callback) => callback(false, '0:80:9f:0:0:11');
    const lookup = createNodeArpLookup({ getMac, timeoutMs: 2000, commandExists: tools });
    expect(await lookup('192.168.1.9')).toEqual({ ok: true, mac: '00809f000011' });
  });

  it('does not call node-arp when ping or arp is missing (it would crash the process)', async () => {
    let called = false;
    const getMac: NodeArpGetMac = () => {
      called = true;
    };
    const lookup = createNodeArpLookup({
      getMac,
      timeoutMs: 2000,
      commandExists: async (name) => name !== 'arp',
    });
    expect(await lookup('192.168.1.9')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(called).toBe(false);
  });
});
