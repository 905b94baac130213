import { describe, expect, it } from 'vitest';
import { credentialsFromEnv } from '../../../src-main/cli/credentials';
import { EXIT, exitCodeFor } from '../../../src-main/cli/exit-codes';
import { FieldkitError, type ErrorCode } from '../../../src-main/services/errors';

const FULL = {
  FIELDKIT_HOST: 'openrainbow.com',
  FIELDKIT_LOGIN: 'tech@example.com',
  FIELDKIT_PASSWORD: 'p',
  FIELDKIT_APP_ID: 'app',
  FIELDKIT_APP_SECRET: 's',
};

describe('credentialsFromEnv', () => {
  it('reads all five variables', () => {
    expect(credentialsFromEnv(FULL)).toEqual({
      host: 'openrainbow.com',
      login: 'tech@example.com',
      password: 'p',
      appId: 'app',
      appSecret: 's',
    });
  });

  it('answers undefined when none is set', () => {
    expect(credentialsFromEnv({ PATH: '/usr/bin' })).toBeUndefined();
  });

  it('names the missing variables when only some are set', () => {
    const { FIELDKIT_PASSWORD: _p, FIELDKIT_APP_SECRET: _s, ...partial } = FULL;
    expect(() => credentialsFromEnv(partial)).toThrow(/FIELDKIT_PASSWORD, FIELDKIT_APP_SECRET are not set/);
  });
});

describe('exit codes', () => {
  const table: [ErrorCode, number][] = [
    ['invalid-input', EXIT.usage],
    ['profile-not-found', EXIT.usage],
    ['auth-failed', EXIT.auth],
    ['app-auth-failed', EXIT.auth],
    ['keychain-unavailable', EXIT.auth],
    ['unreachable', EXIT.unreachable],
    ['tls', EXIT.unreachable],
    ['timeout', EXIT.unreachable],
    ['conflict', EXIT.partial],
  ];
  it.each(table)('%s → %i', (code, exit) => {
    expect(exitCodeFor(new FieldkitError({ code, message: code }))).toBe(exit);
  });

  it('maps an unexpected error to a partial failure', () => {
    expect(exitCodeFor(new Error('boom'))).toBe(EXIT.partial);
  });
});
