import { describe, expect, it } from 'vitest';
import { tlsCheck, type TlsTarget } from '../../../src-main/services/site-check/tls-check';

const DAY = 86_400_000;
const NOW = 1_780_000_000_000;

function handshake(overrides: Partial<Extract<TlsTarget['result'], { kind: 'handshake' }>> = {}): TlsTarget {
  return {
    host: 'openrainbow.com',
    port: 443,
    address: '203.0.113.10',
    result: {
      kind: 'handshake',
      protocol: 'TLSv1.3',
      trusted: true,
      trustError: null,
      nameMatches: true,
      subject: 'openrainbow.com',
      issuer: 'R11, Let’s Encrypt',
      validFrom: NOW - 10 * DAY,
      validTo: NOW + 80 * DAY,
      ...overrides,
    },
  };
}

describe('tls check', () => {
  it('is ok for a trusted certificate for the name, valid by both clocks', () => {
    expect(tlsCheck([handshake()], { local: NOW, ntp: NOW + 500 })).toMatchObject({
      status: 'ok',
      fix: null,
    });
  });

  it("blames the NTP server's clock when only its time makes the certificate not yet valid", () => {
    const check = tlsCheck([handshake()], { local: NOW, ntp: NOW - 11 * DAY });
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/not yet valid by the NTP server's clock/);
    expect(check.fix).toMatch(/Fix the NTP server's time/);
  });

  it('names a known TLS-inspecting proxy, and calls an unknown untrusted issuer likely interception', () => {
    const forti = tlsCheck(
      [handshake({ trusted: false, trustError: 'SELF_SIGNED_CERT_IN_CHAIN', issuer: 'FG100F, Fortinet' })],
      { local: NOW, ntp: undefined },
    );
    expect(forti.summary).toMatch(/intercepted by a Fortinet TLS-inspecting proxy/);
    const other = tlsCheck(
      [handshake({ trusted: false, trustError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', issuer: 'Corp Root' })],
      { local: NOW, ntp: undefined },
    );
    expect(other.summary).toMatch(
      /untrusted issuer \(Corp Root; UNABLE_TO_GET_ISSUER_CERT_LOCALLY\), likely a TLS-intercepting proxy/,
    );
  });

  it('says a blocked port is blocked and an unresolved name was not tried', () => {
    const check = tlsCheck(
      [
        {
          host: 'sip.example',
          port: 5061,
          address: '203.0.113.20',
          result: { kind: 'refused', reason: 'ECONNREFUSED' },
        },
        { host: 'other.example', port: 443, address: undefined, result: undefined },
      ],
      { local: NOW, ntp: undefined },
    );
    expect(check.status).toBe('fail');
    expect(check.summary).toBe(
      'sip.example:5061 is blocked (connection refused); other.example:443 not tried: the name did not resolve',
    );
  });
});
