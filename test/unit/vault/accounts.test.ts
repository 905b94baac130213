import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROBE_ACCOUNT,
  SECRET_KINDS,
  profileKey,
  sameProfile,
  secretAccount,
} from '../../../src-main/services/vault/accounts';

describe('keychain accounts of a profile', () => {
  it('are <name in lower case>/password and <name in lower case>/app-secret', () => {
    expect(secretAccount('Lyon HQ', 'password')).toBe('lyon hq/password');
    expect(secretAccount('Lyon HQ', 'app-secret')).toBe('lyon hq/app-secret');
  });

  it('ignore surrounding spaces and the Unicode form of the name', () => {
    expect(secretAccount('  Café ', 'password')).toBe('café/password');
    expect(secretAccount('Cafe\u0301', 'password')).toBe(secretAccount('Caf\u00e9', 'password'));
  });

  it('treat names that differ only in case as one profile', () => {
    expect(sameProfile('Site', 'SITE')).toBe(true);
    expect(sameProfile('Site', 'Site 2')).toBe(false);
  });

  it('are shared exactly by names of the same profile', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', ' ', '.', '1'), maxLength: 6 });
    fc.assert(
      fc.property(name, name, fc.constantFrom(...SECRET_KINDS), (a, b, kind) => {
        expect(secretAccount(a, kind) === secretAccount(b, kind)).toBe(profileKey(a) === profileKey(b));
      }),
    );
  });

  it('never collide with the availability probe', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...SECRET_KINDS), (name, kind) => {
        expect(secretAccount(name, kind)).not.toBe(PROBE_ACCOUNT);
      }),
    );
  });
});
