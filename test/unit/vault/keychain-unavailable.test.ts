import { describe, expect, it } from 'vitest';
import { isFieldkitError } from '../../../src-main/services/errors';
import {
  keychainModuleError,
  keychainUnavailableError,
  reasonOf,
} from '../../../src-main/services/vault/keychain-unavailable';

const PLAIN_TEXT =
  'Fieldkit never stores passwords in plain text, so it cannot save or use profiles until then.';

describe('keychain-unavailable errors', () => {
  it('give the underlying reason in the message', () => {
    const error = keychainUnavailableError('Could not connect: No such file or directory', {
      platform: 'linux',
    });
    expect(isFieldkitError(error, 'keychain-unavailable')).toBe(true);
    expect(error.message).toBe(
      'The system keychain is not reachable: Could not connect: No such file or directory',
    );
  });

  it('say how to fix it on Linux: a running, unlocked Secret Service in this D-Bus session', () => {
    const { hint } = keychainUnavailableError('x', { platform: 'linux' });
    expect(hint).toMatch(
      /^A Secret Service such as gnome-keyring must be running and unlocked in this D-Bus session/,
    );
    expect(hint).toContain('install gnome-keyring');
    expect(hint).toContain('sign in to a desktop session');
    expect(hint?.endsWith(PLAIN_TEXT)).toBe(true);
  });

  it.each([
    ['darwin', 'Keychain Access'],
    ['win32', 'Credential Manager'],
    ['freebsd', 'operating system keychain'],
  ] as const)('say how to fix it on %s', (platform, remedy) => {
    const { hint } = keychainUnavailableError('x', { platform });
    expect(hint).toContain(remedy);
    expect(hint?.endsWith(PLAIN_TEXT)).toBe(true);
  });

  it('tell a module that would not load from an unreachable keychain', () => {
    const error = keychainModuleError('Cannot find module keytar.node');
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toBe(
      'The system keychain is not reachable: the keychain module could not be loaded (Cannot find module keytar.node)',
    );
    expect(error.hint).toContain('npm rebuild keytar');
  });

  it('take the reason from whatever was thrown', () => {
    expect(reasonOf(new Error(' Cannot autolaunch D-Bus without X11 $DISPLAY\n'))).toBe(
      'Cannot autolaunch D-Bus without X11 $DISPLAY',
    );
    expect(reasonOf('refused')).toBe('refused');
    expect(reasonOf(new Error(''))).toBe('unknown error');
  });
});
