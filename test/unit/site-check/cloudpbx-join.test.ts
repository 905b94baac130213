import { describe, expect, it } from 'vitest';
import type { Check, CheckReport, CheckStatus } from '../../../src-main/shared/check-ladder';
import {
  cloudPbxJoin,
  MAX_DIAGNOSED_PHONES,
  type PortPhone,
} from '../../../src-main/services/site-check/cloudpbx-join';
import type { SiteCheckSubject } from '../../../src-main/services/site-check/types';

const subject: SiteCheckSubject = {
  interface: 'eth0',
  mac: '02:00:00:00:00:01',
  addresses: ['198.18.7.23/24'],
  simulated: false,
};

function lanCheck(id: string, status: CheckStatus, fix: string | null = null): Check {
  return { id, status, summary: `${id} is ${status}`, evidence: {}, fix };
}

const LAN_FINE = [lanCheck('link', 'ok'), lanCheck('dhcp', 'ok')];
const NO_OPTION_66 = [lanCheck('link', 'ok'), lanCheck('dhcp', 'fail', 'Add option 66 on the voice VLAN.')];

const notDeclared: CheckReport<unknown> = {
  subject: {},
  verdict: 'problem',
  checks: [
    {
      id: 'declared',
      status: 'fail',
      summary: 'No device with this MAC on this CloudPBX.',
      evidence: {},
      fix: 'Declare the phone.',
    },
  ],
};
const fine: CheckReport<unknown> = { subject: {}, verdict: 'ok', checks: [lanCheck('declared', 'ok')] };

function join(
  phones: readonly PortPhone[] | undefined,
  verdicts: Record<string, CheckReport<unknown>> = {},
  neighbours: readonly PortPhone[] | Error = [],
) {
  const diagnosed: string[] = [];
  const side = cloudPbxJoin({
    phones: (systemId) => {
      expect(systemId).toBe('pbx-1');
      return Promise.resolve(phones);
    },
    neighbourPhones: (port) => {
      expect(port).toMatchObject({ interface: subject.interface });
      return neighbours instanceof Error ? Promise.reject(neighbours) : Promise.resolve(neighbours);
    },
    diagnose: (_systemId, mac) => {
      diagnosed.push(mac);
      return Promise.resolve(verdicts[mac] ?? fine);
    },
  });
  return {
    diagnosed,
    run: async (checks: readonly Check[], on: SiteCheckSubject = subject) => {
      const [only, ...rest] = await side.checks('pbx-1', { subject: on, checks });
      expect(rest).toEqual([]);
      return only;
    },
  };
}

const onPort = { mac: '00809f000001', ip: '198.18.7.40' };
const elsewhere = { mac: '00809f000002', ip: '198.18.8.40' };

describe('the cloudpbx check joining the LAN ladder with the CloudPBX', () => {
  it('says "LAN fine, phone not declared" and fails on the CloudPBX side', async () => {
    const check = await join([onPort], { [onPort.mac]: notDeclared }).run(LAN_FINE);
    expect(check).toMatchObject({
      id: 'cloudpbx',
      status: 'fail',
      summary: 'LAN fine; phone 00809f000001 (198.18.7.40): No device with this MAC on this CloudPBX.',
      evidence: { 'phones.seen': 1, 'phone.00809f000001': '198.18.7.40: problem (declared)' },
      fix: 'Declare the phone.',
    });
  });

  it('says "CloudPBX fine" and points at the failing LAN check without failing itself', async () => {
    const check = await join([onPort]).run(NO_OPTION_66);
    expect(check).toMatchObject({
      status: 'ok',
      summary: 'LAN fails at dhcp; CloudPBX fine for 1 phone on 198.18.7.0/24.',
      fix: 'The CloudPBX side is fine: fix the LAN first (dhcp: Add option 66 on the voice VLAN.).',
    });
  });

  it('diagnoses only the phones on the port’s subnet', async () => {
    const joined = join([onPort, elsewhere]);
    const check = await joined.run(LAN_FINE);
    expect(joined.diagnosed).toEqual([onPort.mac]);
    expect(check?.evidence['phones.seen']).toBe(1);
  });

  it('takes every phone of the simulated site, which is the demo CloudPBX’s LAN', async () => {
    const joined = join([onPort, elsewhere]);
    await joined.run(LAN_FINE, { ...subject, addresses: ['192.0.2.23/24'], simulated: true });
    expect(joined.diagnosed).toEqual([onPort.mac, elsewhere.mac]);
  });

  it(`diagnoses at most ${MAX_DIAGNOSED_PHONES} phones, saying how many were seen`, async () => {
    const many = Array.from({ length: MAX_DIAGNOSED_PHONES + 5 }, (_, index) => ({
      mac: `00809f0001${String(index).padStart(2, '0')}`,
      ip: `198.18.7.${100 + index}`,
    }));
    const joined = join(many);
    const check = await joined.run(LAN_FINE);
    expect(joined.diagnosed).toHaveLength(MAX_DIAGNOSED_PHONES);
    expect(check?.evidence).toMatchObject({
      'phones.seen': MAX_DIAGNOSED_PHONES + 5,
      'phones.diagnosed': MAX_DIAGNOSED_PHONES,
    });
  });

  it('takes the phones of the neighbour table without a discovery, saying where they came from and what it misses', async () => {
    const joined = join(undefined, { [onPort.mac]: notDeclared }, [onPort, elsewhere]);
    const check = await joined.run(LAN_FINE);
    expect(joined.diagnosed).toEqual([onPort.mac]);
    expect(check).toMatchObject({
      status: 'fail',
      summary: 'LAN fine; phone 00809f000001 (198.18.7.40): No device with this MAC on this CloudPBX.',
      evidence: {
        'phones.seen': 1,
        'phones.source': "this laptop's neighbour table for eth0 (no discovery this session)",
        'phones.caveat':
          'the neighbour table only knows the hosts this laptop exchanged packets with recently: run `fieldkit discover` (or the Discover screen) first to see every phone',
      },
    });
  });

  it('warns, asking for a discovery, when the neighbour table holds no phone on the port', async () => {
    const check = await join(undefined, {}, [elsewhere]).run(LAN_FINE);
    expect(check).toMatchObject({
      status: 'warn',
      summary: "LAN fine; this laptop's neighbour table holds no ALE phone on 198.18.7.0/24.",
      evidence: { 'phones.seen': 0, 'phones.source': expect.stringMatching(/neighbour table/) },
    });
    expect(check?.fix).toMatch(/exchanged packets with recently\. Run a discovery .*`fieldkit discover`/);
  });

  it('is skipped, asking for a discovery, when there is none and the neighbour table cannot be read', async () => {
    const joined = join(undefined, {}, new Error('arp: command not found'));
    const check = await joined.run(NO_OPTION_66);
    expect(joined.diagnosed).toEqual([]);
    expect(check).toMatchObject({
      status: 'skipped',
      summary:
        "LAN fails at dhcp; the phones on this port are not known: no LAN discovery this session, and this laptop's neighbour table could not be read (arp: command not found).",
    });
    expect(check?.fix).toMatch(/fieldkit discover/);
  });

  it('warns when the discovery saw no phone on the port', async () => {
    const check = await join([elsewhere], {}, [onPort]).run(LAN_FINE);
    expect(check).toMatchObject({
      status: 'warn',
      summary: 'LAN fine; the latest discovery saw no phone on 198.18.7.0/24.',
      evidence: { 'phones.source': 'the latest discovery' },
    });
  });
});
