import { describe, expect, it } from 'vitest';
import {
  applicationProof,
  parseBasicAuthorization,
  sameSecret,
} from '../../../src-main/simulator/auth/basic-credentials';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuthorization', () => {
  it('splits at the first colon, so passwords may contain colons', () => {
    expect(parseBasicAuthorization(basic('tech@x.invalid:pa:ss'))).toEqual({
      name: 'tech@x.invalid',
      secret: 'pa:ss',
    });
  });

  it('refuses other schemes, missing colons and empty names', () => {
    expect(parseBasicAuthorization(undefined)).toBeUndefined();
    expect(parseBasicAuthorization('Bearer abc')).toBeUndefined();
    expect(parseBasicAuthorization(basic('no-colon'))).toBeUndefined();
    expect(parseBasicAuthorization(basic(':secret'))).toBeUndefined();
    expect(parseBasicAuthorization([basic('a:b')])).toBeUndefined();
  });
});

describe('applicationProof', () => {
  it('is the lowercase hex SHA-256 of app secret followed by password', () => {
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(applicationProof('ab', 'c')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('sameSecret', () => {
  it('compares strings of any length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
  });
});
