import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiscoveryTable } from '../../../src-main/services/discovery/discovery-table';
import { delayUntilDue, probesDue } from '../../../src-main/services/discovery/pacing';
import type { PbxStatus } from '../../../src-main/services/discovery/types';

describe('pacing', () => {
  it('sends the first probe at once and then one per 1/rate seconds', () => {
    expect(probesDue(0, 300, 254)).toBe(1);
    expect(probesDue(9, 300, 254)).toBe(3);
    expect(probesDue(10, 300, 254)).toBe(4);
    expect(probesDue(1000, 300, 254)).toBe(254);
    expect(probesDue(-5, 300, 254)).toBe(0);
    expect(delayUntilDue(3, 9, 300)).toBe(1);
    expect(delayUntilDue(3, 10, 300)).toBe(0);
  });

  it('never allows more than the rate, however late the timers fire', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 70_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        (rate, total, elapsed) => {
          const due = probesDue(elapsed, rate, total);
          expect(due).toBeLessThanOrEqual(total);
          expect(due).toBeLessThanOrEqual(1 + (elapsed * rate) / 1000);
          if (due < total) expect(delayUntilDue(due, elapsed, rate)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('is linear: twice the addresses take twice as long', () => {
    const timeToSend = (total: number, rate: number): number => {
      let elapsed = 0;
      while (probesDue(elapsed, rate, total) < total)
        elapsed += delayUntilDue(probesDue(elapsed, rate, total), elapsed, rate);
      return elapsed;
    };
    expect(timeToSend(254, 300)).toBe(Math.ceil((253 * 1000) / 300));
    expect(timeToSend(510, 300)).toBe(Math.ceil((509 * 1000) / 300));
  });
});

describe('DiscoveryTable', () => {
  const m3 = {
    vendor: 'ALE',
    model: 'M3-CE',
    firmware: '2.13.0.64',
    claimedMac: '487a55000002',
    kind: 'deskphone',
  } as const;

  it('shows a SIP answer once the neighbour table gives the address its MAC', () => {
    const table = new DiscoveryTable();
    expect(table.add({ source: 'sip', ip: '198.18.0.11', identity: m3 })).toEqual([]);
    expect(table.add({ source: 'arp', ip: '198.18.0.11', mac: '487a55000002' })).toEqual([
      {
        mac: '487a55000002',
        ip: '198.18.0.11',
        vendor: 'ALE',
        kind: 'deskphone',
        model: 'M3-CE',
        firmware: '2.13.0.64',
        sources: ['arp', 'sip'],
      },
    ]);
  });

  it('merges every source of one MAC into one row, and reports a row only when it changes', () => {
    const table = new DiscoveryTable();
    table.add({ source: 'arp', ip: '198.18.0.12', mac: '487a55000003' });
    const [withMdns] = table.add({
      source: 'mdns',
      ip: '198.18.0.12',
      identity: { vendor: 'ALE', model: 'M5' },
    });
    expect(withMdns).toMatchObject({ model: 'M5', sources: ['arp', 'mdns'] });
    const [withSip] = table.add({
      source: 'sip',
      ip: '198.18.0.12',
      identity: { vendor: 'ALE', model: 'M5-CE', firmware: '2.13.0.64', kind: 'deskphone' },
    });
    expect(withSip).toMatchObject({ model: 'M5-CE', firmware: '2.13.0.64', sources: ['arp', 'sip', 'mdns'] });
    expect(table.add({ source: 'arp', ip: '198.18.0.12', mac: '487a55000003' })).toEqual([]);
    expect(table.size).toBe(1);
  });

  it('classifies by vendor prefix when the device says nothing', () => {
    const table = new DiscoveryTable();
    const [base] = table.add({ source: 'arp', ip: '198.18.0.31', mac: '00087b1f5759' });
    expect(base).toMatchObject({ kind: 'dect-base', vendor: 'RTX Telecom A/S', model: null });
    const [printer] = table.add({ source: 'arp', ip: '198.18.0.41', mac: '0242c6120033' });
    expect(printer).toMatchObject({ kind: 'other', vendor: null, sources: ['arp'] });
  });

  it('at the end, joins the claimed MAC of what the neighbour table never resolved, and drops the rest', () => {
    const table = new DiscoveryTable();
    table.add({ source: 'sip', ip: '198.18.0.11', identity: m3 });
    table.add({ source: 'sip', ip: '198.18.0.99', identity: { model: 'Asterisk' } });
    expect(table.settle()).toEqual([expect.objectContaining({ mac: '487a55000002', sources: ['sip'] })]);
    expect(table.rows().map((row) => row.ip)).toEqual(['198.18.0.11']);
  });

  it('sorts rows by address and carries the CloudPBX status', () => {
    const table = new DiscoveryTable();
    table.add({ source: 'arp', ip: '198.18.0.100', mac: '487a55000100' });
    table.add({ source: 'arp', ip: '198.18.0.9', mac: '487a55000009' });
    const pbx: PbxStatus = {
      deviceId: 'd1',
      provisioned: true,
      description: 'Desk',
      model: 'M3',
      subscriber: null,
      registered: false,
      registeredFrom: null,
    };
    expect(table.attachPbx('487a55000009', pbx)).toMatchObject({ pbx });
    expect(table.attachPbx('487a55000009', pbx)).toBeUndefined();
    expect(table.rows().map((row) => row.ip)).toEqual(['198.18.0.9', '198.18.0.100']);
  });
});
