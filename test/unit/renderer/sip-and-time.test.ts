import { describe, expect, it } from 'vitest';
import { formatCountdown, millisecondsUntil, parseApiDate } from '@renderer/time/countdown';
import { parseSipUri } from '@shared/sip-uri';

describe('parseSipUri', () => {
  it('reads the private contact of a registration', () => {
    expect(parseSipUri('sip:90051@192.168.101.29:59952;transport=TLS;line=49309')).toEqual({
      user: '90051',
      host: '192.168.101.29',
      port: 59952,
      transport: 'TLS',
      address: '192.168.101.29:59952',
    });
  });

  it('reads the public source the CloudPBX saw, which has no user', () => {
    expect(parseSipUri('sip:195.128.146.194:59952;transport=tls')).toEqual({
      host: '195.128.146.194',
      port: 59952,
      transport: 'TLS',
      address: '195.128.146.194:59952',
    });
  });

  it('reads IPv6 hosts, sips and a URI without port or parameters', () => {
    expect(parseSipUri('sips:81001@[2001:db8::1]:5061')?.address).toBe('[2001:db8::1]:5061');
    expect(parseSipUri('sip:phone.example.invalid')).toEqual({
      host: 'phone.example.invalid',
      address: 'phone.example.invalid',
    });
  });

  it('refuses what is not a SIP URI', () => {
    expect(parseSipUri('http://192.168.1.1')).toBeUndefined();
    expect(parseSipUri(undefined)).toBeUndefined();
    expect(parseSipUri('sip:')).toBeUndefined();
  });
});

describe('countdowns', () => {
  it('writes minutes and seconds, and hours when there are some', () => {
    expect(formatCountdown(245_000)).toBe('4:05');
    expect(formatCountdown(3_729_000)).toBe('1:02:09');
    expect(formatCountdown(0)).toBe('0:00');
  });

  it('rounds up to the next second and never goes negative', () => {
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });

  it('reads the registration API dates (no zone: UTC) and ISO dates', () => {
    expect(parseApiDate('2024-07-15 15:55:08')).toBe(Date.UTC(2024, 6, 15, 15, 55, 8));
    expect(parseApiDate('2024-07-15T15:55:08.000Z')).toBe(Date.UTC(2024, 6, 15, 15, 55, 8));
    expect(millisecondsUntil('2024-07-15 15:55:08', Date.UTC(2024, 6, 15, 15, 54, 8))).toBe(60_000);
    expect(millisecondsUntil('soon', 0)).toBeNaN();
    expect(millisecondsUntil(undefined, 0)).toBeNaN();
  });
});
