import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import { blockContains, hostCount, parseIpv4, prefixOfNetmask } from '../../../src-main/shared/ipv4';
import {
  createPlanMembership,
  describeInterfaces,
  DISCOVERY_LIMITS,
  estimateDurationMs,
  parseCidr,
  planScan,
  plannedTargets,
  type LocalInterface,
} from '../../../src-main/services/discovery/plan';

const office: LocalInterface[] = [
  { name: 'lo', internal: true, ipv4: [{ address: '127.0.0.1', prefix: 8 }], isDefaultRoute: false },
  { name: 'eth0', internal: false, ipv4: [{ address: '10.20.0.57', prefix: 16 }], isDefaultRoute: true },
  { name: 'wlan0', internal: false, ipv4: [{ address: '192.168.1.7', prefix: 24 }], isDefaultRoute: false },
  { name: 'wwan0', internal: false, ipv4: [], isDefaultRoute: false },
];

/** The message of the FieldkitError `run` throws (and fails the test when it throws none). */
function refusal(run: () => unknown): { message: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (!isFieldkitError(error, 'invalid-input')) throw error;
    return { message: error.message, field: error.issues?.[0]?.field };
  }
  throw new Error('expected the plan to be refused');
}

describe('IPv4 arithmetic', () => {
  it('reads dotted addresses strictly', () => {
    expect(parseIpv4('192.168.1.7')).toBe(0xc0a80107);
    for (const text of ['192.168.1', '192.168.1.256', '01.2.3.4', ' 1.2.3.4', '1.2.3.4.5', 'a.b.c.d']) {
      expect(parseIpv4(text)).toBeUndefined();
    }
  });

  it('turns netmasks into prefixes and refuses non-contiguous ones', () => {
    expect(prefixOfNetmask('255.255.255.0')).toBe(24);
    expect(prefixOfNetmask('255.255.252.0')).toBe(22);
    expect(prefixOfNetmask('255.255.255.255')).toBe(32);
    expect(prefixOfNetmask('255.0.255.0')).toBeUndefined();
  });

  it('counts host addresses without network and broadcast, except on /31 and /32', () => {
    expect(hostCount({ network: 0, prefix: 24 })).toBe(254);
    expect(hostCount({ network: 0, prefix: 31 })).toBe(2);
    expect(hostCount({ network: 0, prefix: 32 })).toBe(1);
  });
});

describe('parseCidr', () => {
  it('clears host bits', () => {
    expect(parseCidr('192.168.1.77/24')).toEqual({ network: 0xc0a80100, prefix: 24 });
  });

  it.each(['192.168.1.0', '192.168.1.0/33', '192.168.1/24', 'lan', '192.168.1.0/2x', ''])(
    'refuses "%s" as not a subnet',
    (text) => {
      expect(refusal(() => parseCidr(text)).message).toMatch(/is not a subnet: .*e\.g\. 192\.168\.1\.0\/24/);
    },
  );

  it('refuses a prefix wider than /16 with the address count', () => {
    expect(refusal(() => parseCidr('10.0.0.0/8')).message).toBe(
      '10.0.0.0/8 is wider than /16 (16,777,214 addresses): scan at most a /16 at a time, and preferably the /24 ' +
        'the phones are on.',
    );
    expect(() => parseCidr('10.0.0.0/16')).not.toThrow();
  });
});

describe('planScan', () => {
  it('defaults to the networks of the default route interface, excluding its own address', () => {
    const plan = planScan({}, office);
    expect(plan.subnets).toEqual([
      { cidr: '10.20.0.0/16', interface: 'eth0', localAddress: '10.20.0.57', addresses: 65_533 },
    ]);
    expect(plan.needsConfirmation).toBe(true);
    expect(plan.rate).toBe(DISCOVERY_LIMITS.defaultRate);
  });

  it('defaults to the network of a chosen interface', () => {
    const plan = planScan({ interface: 'wlan0' }, office);
    expect(plan.subnets.map((s) => [s.cidr, s.addresses])).toEqual([['192.168.1.0/24', 253]]);
    expect(plan.needsConfirmation).toBe(false);
  });

  it('paces a /23 or less quickly and anything wider gently, unless a rate is given', () => {
    expect(planScan({ subnets: ['10.20.4.0/24'] }, office).rate).toBe(DISCOVERY_LIMITS.smallScanRate);
    expect(planScan({ subnets: ['10.20.4.0/23'] }, office).rate).toBe(DISCOVERY_LIMITS.smallScanRate);
    expect(planScan({ subnets: ['10.20.4.0/22'] }, office).rate).toBe(DISCOVERY_LIMITS.defaultRate);
    expect(planScan({ subnets: ['10.20.4.0/24', '10.20.5.0/24', '10.20.6.0/24'] }, office).rate).toBe(
      DISCOVERY_LIMITS.defaultRate,
    );
    expect(planScan({ subnets: ['10.20.4.0/24'], rate: 50 }, office).rate).toBe(50);
  });

  it('asks for confirmation above /22 only, and estimates the time from the rate and answer window', () => {
    expect(planScan({ subnets: ['10.20.4.0/22'] }, office).needsConfirmation).toBe(false);
    const wide = planScan({ subnets: ['10.20.8.0/21'], rate: 500, timeoutMs: 400 }, office);
    expect(wide.needsConfirmation).toBe(true);
    expect(wide.addresses).toBe(2046);
    expect(wide.estimatedMs).toBe(estimateDurationMs(2046, 500, 400));
    expect(wide.estimatedMs).toBe(4092 + 400);
  });

  it('finds the interface a subnet is on', () => {
    const plan = planScan({ subnets: ['192.168.1.128/25', '10.20.3.0/24'] }, office);
    expect(plan.subnets.map((s) => [s.cidr, s.interface, s.addresses])).toEqual([
      ['192.168.1.128/25', 'wlan0', 126],
      ['10.20.3.0/24', 'eth0', 254],
    ]);
    expect(plan.addresses).toBe(380);
  });

  it('refuses a subnet the machine is not on, naming the networks it is on', () => {
    const { message, field } = refusal(() => planScan({ subnets: ['172.16.5.0/24'] }, office));
    expect(message).toBe(
      'This machine is not on 172.16.5.0/24: none of its interfaces has an address in it ' +
        '(it is on 10.20.0.0/16, 192.168.1.0/24).',
    );
    expect(field).toBe('subnets.0');
  });

  it('refuses a subnet wider than the network of its interface', () => {
    expect(refusal(() => planScan({ subnets: ['192.168.0.0/23'] }, office)).message).toMatch(
      /^192\.168\.0\.0\/23 is wider than the network of wlan0 \(192\.168\.1\.0\/24\).*Scan 192\.168\.1\.0\/24 instead\.$/,
    );
  });

  it('refuses a subnet that is not on the chosen interface', () => {
    expect(
      refusal(() => planScan({ subnets: ['192.168.1.0/24'], interface: 'eth0' }, office)).message,
    ).toMatch(/^This machine is not on 192\.168\.1\.0\/24: interface "eth0" has an address in it/);
  });

  it('refuses an interface without IPv4 and an unknown interface', () => {
    const noIpv4 = refusal(() => planScan({ interface: 'wwan0' }, office));
    expect(noIpv4).toEqual({
      message: 'Interface "wwan0" has no IPv4 address, so there is nothing to scan from it.',
      field: 'interface',
    });
    expect(refusal(() => planScan({ interface: 'eth9' }, office)).message).toBe(
      'There is no network interface named "eth9"; this machine has: eth0, wlan0, wwan0.',
    );
  });

  it('refuses overlapping subnets, and rates or windows out of range', () => {
    expect(refusal(() => planScan({ subnets: ['10.20.0.0/24', '10.20.0.128/25'] }, office)).message).toBe(
      '10.20.0.128/25 overlaps 10.20.0.0/24: give each subnet once.',
    );
    expect(refusal(() => planScan({ subnets: ['192.168.1.0/24'], rate: 0 }, office)).field).toBe('rate');
    expect(refusal(() => planScan({ subnets: ['192.168.1.0/24'], rate: 1.5 }, office)).field).toBe('rate');
    expect(refusal(() => planScan({ subnets: ['192.168.1.0/24'], timeoutMs: 20_000 }, office)).field).toBe(
      'timeoutMs',
    );
  });

  it('needs a choice when there is no default route and several interfaces', () => {
    const noRoute = office.map((entry) => ({ ...entry, isDefaultRoute: false }));
    expect(refusal(() => planScan({}, noRoute)).message).toMatch(/no default route and several interfaces/);
  });

  it('describes interfaces for the picker, without loopback', () => {
    expect(describeInterfaces(office)).toEqual([
      { name: 'eth0', addresses: ['10.20.0.57'], cidr: '10.20.0.0/16', isDefaultRoute: true },
      { name: 'wlan0', addresses: ['192.168.1.7'], cidr: '192.168.1.0/24', isDefaultRoute: false },
      { name: 'wwan0', addresses: [], cidr: null, isDefaultRoute: false },
    ]);
  });
});

describe('plannedTargets', () => {
  it('lists every host address of each subnet once, in order, without its own address', () => {
    const plan = planScan({ subnets: ['192.168.1.0/29'] }, office);
    expect([...plannedTargets(plan)]).toEqual([
      '192.168.1.1',
      '192.168.1.2',
      '192.168.1.3',
      '192.168.1.4',
      '192.168.1.5',
      '192.168.1.6',
    ]);
    const own = planScan({ subnets: ['192.168.1.0/28'] }, office);
    expect([...plannedTargets(own)]).not.toContain('192.168.1.7');
    expect([...plannedTargets(own)]).toHaveLength(own.addresses);
  });

  it('never yields an address outside the chosen subnet', () => {
    fc.assert(
      fc.property(fc.integer({ min: 24, max: 32 }), fc.integer({ min: 0, max: 255 }), (prefix, host) => {
        const subnet = `10.20.7.${host}/${prefix}`;
        const plan = planScan({ subnets: [subnet] }, office);
        const block = parseCidr(subnet);
        const inPlan = createPlanMembership(plan);
        const targets = [...plannedTargets(plan)];
        expect(targets).toHaveLength(plan.addresses);
        for (const target of targets) {
          expect(blockContains(block, parseIpv4(target) ?? -1)).toBe(true);
          expect(inPlan(target)).toBe(true);
        }
      }),
    );
  });
});
