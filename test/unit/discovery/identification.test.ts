import { describe, expect, it } from 'vitest';
import { parseUserAgent } from '../../../src-main/services/discovery/user-agent';
import { buildOptionsRequest, parseOptionsAnswer } from '../../../src-main/services/discovery/sip-options';
import {
  sightingAddress,
  sightingIdentity,
  txtAsStrings,
} from '../../../src-main/services/discovery/mdns-sighting';
import { parseAdminPage } from '../../../src-main/services/discovery/web-identify';

describe('parseUserAgent', () => {
  it.each([
    [
      'ALE M3-CE 2.13.0.64 487a55000002',
      { vendor: 'ALE', model: 'M3-CE', firmware: '2.13.0.64', claimedMac: '487a55000002', kind: 'deskphone' },
    ],
    [
      'ALE 8028s-GE 3.5.2 3c28a6000010',
      { vendor: 'ALE', model: '8028s-GE', firmware: '3.5.2', claimedMac: '3c28a6000010', kind: 'deskphone' },
    ],
    [
      'ALE 8068s-GE 3.5.2 00:80:9F:00:00:11 extra',
      { vendor: 'ALE', model: '8068s-GE', firmware: '3.5.2', claimedMac: '00809f000011', kind: 'deskphone' },
    ],
    [
      'IPDECT-V2/99.01.0004 (MAC=00087B1F5759; SER= 00000; HW=8)',
      { model: 'IPDECT-V2', firmware: '99.01.0004', claimedMac: '00087b1f5759', kind: 'dect-base' },
    ],
    [
      'IPDECT-V2/99.01.0004 (MAC=00087B1F5760; SER= 00000; HW=8);IPEI=03:a8:c0:07:1f;v0690_b0005',
      { model: 'IPDECT-V2', firmware: '99.01.0004', claimedMac: '00087b1f5760', kind: 'dect-base' },
    ],
    ['Asterisk/18.2.1', { model: 'Asterisk', firmware: '18.2.1' }],
    ['friendly-scanner', {}],
    ['', {}],
  ])('reads "%s"', (userAgent, identity) => {
    expect(parseUserAgent(userAgent)).toEqual(identity);
  });

  it('keeps the model and firmware but not a MAC that is no device address', () => {
    expect(parseUserAgent('ALE M5-CE 2.13.0.64 ffffffffffff')).toEqual({
      vendor: 'ALE',
      model: 'M5-CE',
      firmware: '2.13.0.64',
      kind: 'deskphone',
    });
  });
});

describe('SIP OPTIONS', () => {
  const request = buildOptionsRequest({
    target: '198.18.0.11',
    localAddress: '198.18.0.1',
    localPort: 40_000,
    callIdPrefix: 'fk1a2b',
    userAgent: 'Fieldkit/0.1.0',
  });

  it('is the only request sent: an OPTIONS with the headers RFC 3261 requires', () => {
    const [requestLine, ...headers] = request.split('\r\n');
    expect(requestLine).toBe('OPTIONS sip:198.18.0.11 SIP/2.0');
    const names = headers.filter(Boolean).map((line) => line.slice(0, line.indexOf(':')));
    expect(names).toEqual(
      expect.arrayContaining([
        'Via',
        'Max-Forwards',
        'From',
        'To',
        'Call-ID',
        'CSeq',
        'Contact',
        'Content-Length',
      ]),
    );
    expect(request).toContain('CSeq: 1 OPTIONS\r\n');
    expect(request).not.toMatch(/REGISTER|INVITE|SUBSCRIBE/);
    expect(request.endsWith('Content-Length: 0\r\n\r\n')).toBe(true);
  });

  const answer = (headers: string[], status = 'SIP/2.0 200 OK'): string =>
    [status, ...headers, 'Content-Length: 0', '', ''].join('\r\n');

  it('reads the User-Agent, or the Server header, of an answer to our OPTIONS', () => {
    const callId = 'Call-ID: fk1a2b-198-18-0-11@198.18.0.1';
    expect(
      parseOptionsAnswer(
        answer([callId, 'CSeq: 1 OPTIONS', 'User-Agent: ALE M3-CE 2.13.0.64 487a55000002']),
        'fk1a2b',
      ),
    ).toEqual({
      status: 200,
      userAgent: 'ALE M3-CE 2.13.0.64 487a55000002',
    });
    expect(
      parseOptionsAnswer(
        answer(['i: fk1a2b-x@y', 'CSeq: 1 OPTIONS', 'Server: IPDECT-V2/99.01.0004']),
        'fk1a2b',
      ),
    ).toEqual({
      status: 200,
      userAgent: 'IPDECT-V2/99.01.0004',
    });
    expect(
      parseOptionsAnswer(answer([callId, 'CSeq: 1 OPTIONS'], 'SIP/2.0 404 Not Found'), 'fk1a2b'),
    ).toEqual({
      status: 404,
    });
  });

  it('ignores what is not an answer to this scan', () => {
    const ours = ['Call-ID: fk1a2b-1@x', 'CSeq: 1 OPTIONS', 'User-Agent: ALE M3-CE 1 487a55000002'];
    expect(parseOptionsAnswer(answer(ours), 'other')).toBeUndefined();
    expect(parseOptionsAnswer(answer(['Call-ID: fk1a2b-1@x', 'CSeq: 1 REGISTER']), 'fk1a2b')).toBeUndefined();
    expect(parseOptionsAnswer(request, 'fk1a2b')).toBeUndefined();
    expect(parseOptionsAnswer('garbage', 'fk1a2b')).toBeUndefined();
  });
});

describe('mDNS sightings', () => {
  const inLab = (ip: string): boolean => ip.startsWith('198.18.0.');

  it('takes the advertised address in the scan, else the packet source when the record has none', () => {
    const sighting = { name: 'ALE-M5-CE-487a55000003', txt: {}, sourceAddress: '198.18.0.12' };
    expect(sightingAddress({ ...sighting, addresses: ['fe80::1', '198.18.0.12'] }, inLab)).toBe(
      '198.18.0.12',
    );
    expect(sightingAddress({ ...sighting, addresses: [] }, inLab)).toBe('198.18.0.12');
    expect(sightingAddress({ ...sighting, addresses: ['10.0.0.5'] }, inLab)).toBeUndefined();
    expect(sightingAddress({ ...sighting, addresses: [], sourceAddress: '10.0.0.5' }, inLab)).toBeUndefined();
  });

  it('reads vendor, model and MAC from TXT, or the MAC from the instance name', () => {
    expect(
      sightingIdentity({
        name: 'x',
        addresses: [],
        txt: { vendor: 'ALE', model: 'M5-CE', mac: '487a55000003' },
      }),
    ).toEqual({ vendor: 'ALE', model: 'M5-CE', claimedMac: '487a55000003' });
    expect(sightingIdentity({ name: 'ALE-8028s-GE-3c28a6000010', addresses: [], txt: {} })).toEqual({
      claimedMac: '3c28a6000010',
    });
    expect(txtAsStrings({ a: 'x', b: Buffer.from('y'), c: 3, d: { nested: true } })).toEqual({
      a: 'x',
      b: 'y',
      c: '3',
    });
  });
});

describe('admin page', () => {
  it('names the model of an ALE page and nothing for others', () => {
    expect(parseAdminPage('HTTP/1.0 200 OK\r\n\r\n<html><head><title>ALE M7-CE</title>')).toEqual({
      vendor: 'ALE',
      model: 'M7-CE',
    });
    expect(parseAdminPage('<title>Welcome to nginx!</title>')).toEqual({});
  });
});
