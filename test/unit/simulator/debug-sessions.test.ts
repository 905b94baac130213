import { describe, expect, it } from 'vitest';
import { DebugSessions } from '../../../src-main/simulator/tenant/debug-sessions';

describe('DebugSessions', () => {
  it('keeps the password while a session is extended, and forgets it at expiry', () => {
    let clock = 1_000_000;
    const sessions = new DebugSessions(() => clock);
    sessions.grant('device', 60);
    const first = sessions.active('device');
    clock += 30_000;
    sessions.grant('device', 60);
    clock += 59_999;
    const extended = sessions.active('device');
    clock += 1;

    expect(extended).toEqual({ adminPassword: first?.adminPassword, expiresAt: clock });
    expect(sessions.active('device')).toBeUndefined();
  });

  it('gives each new session a new password', () => {
    const sessions = new DebugSessions(() => 0);
    const passwords = new Set<string | undefined>();
    for (let round = 0; round < 20; round += 1) {
      sessions.grant('device', 60);
      passwords.add(sessions.active('device')?.adminPassword);
      sessions.revoke('device');
    }
    expect(passwords.size).toBe(20);
    expect(sessions.active('device')).toBeUndefined();
  });
});
