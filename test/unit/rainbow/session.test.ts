import { beforeEach, describe, expect, it } from 'vitest';
import { FieldkitError, isFieldkitError } from '../../../src-main/services/errors';
import { silentLogger } from '../../../src-main/services/log/logger';
import type { AuthApi } from '../../../src-main/services/rainbow/auth-api';
import { MIN_RENEWAL_DELAY_MS, renewalDelayMs, Session } from '../../../src-main/services/rainbow/session';
import type { LoginAnswer } from '../../../src-main/services/rainbow/types';
import { FakeClock } from '../../support/fake-clock';

function token(serial: number, lifetimeSeconds: number): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = 1_750_000_000 + serial;
  return `${part({ alg: 'HS256' })}.${part({ serial, iat, exp: iat + lifetimeSeconds })}.sig`;
}

/** An authentication API that hands out numbered tokens and records what it was asked. */
class FakeAuth implements AuthApi {
  readonly calls: string[] = [];
  lifetimeSeconds = 3600;
  failRenewal = false;
  #serial = 0;

  async login(): Promise<LoginAnswer> {
    this.calls.push('login');
    const user = { id: 'u1', loginEmail: 'tech@example.com', companyId: 'c1', roles: ['admin'] };
    return { token: token(++this.#serial, this.lifetimeSeconds), loggedInUser: user };
  }

  async renew(current: string): Promise<string> {
    this.calls.push(`renew ${serialOf(current)}`);
    if (this.failRenewal) throw new FieldkitError({ code: 'auth-failed', message: 'refused' });
    return token(++this.#serial, this.lifetimeSeconds);
  }

  async logout(current: string): Promise<void> {
    this.calls.push(`logout ${serialOf(current)}`);
  }
}

function serialOf(value: string): number {
  const payload = JSON.parse(Buffer.from(value.split('.')[1] ?? '', 'base64url').toString()) as {
    serial: number;
  };
  return payload.serial;
}

/** Lets pending promise callbacks (a renewal in flight) run. */

describe('renewalDelayMs', () => {
  it('is half of exp - iat', () => {
    expect(renewalDelayMs(token(1, 3600))).toBe(1_800_000);
  });

  it('never drops below the floor', () => {
    expect(renewalDelayMs(token(1, 1))).toBe(MIN_RENEWAL_DELAY_MS);
  });

  it('is undefined for a token without a lifetime', () => {
    expect(renewalDelayMs('opaque')).toBeUndefined();
  });
});

describe('Session', () => {
  let auth: FakeAuth;
  let clock: FakeClock;
  let session: Session;

  beforeEach(async () => {
    auth = new FakeAuth();
    clock = new FakeClock();
    session = new Session(auth, clock, silentLogger);
    await session.start();
  });

  const currentSerial = async (): Promise<number> => {
    let seen = 0;
    await session.withToken(async (token) => {
      seen = serialOf(token());
      return { response: { status: 200 } };
    });
    return seen;
  };

  it('schedules the renewal at half the token lifetime', () => {
    expect(clock.pending()).toEqual([1_800_000]);
  });

  it('renews when the timer falls due, then schedules the next renewal', async () => {
    await clock.advance(1_799_999);
    expect(auth.calls).toEqual(['login']);
    await clock.advance(1);
    expect(auth.calls).toEqual(['login', 'renew 1']);
    expect(await currentSerial()).toBe(2);
    expect(clock.pending()).toEqual([1_800_000]);
  });

  it('follows the lifetime of the renewed token', async () => {
    auth.lifetimeSeconds = 600;
    await clock.advance(1_800_000);
    expect(clock.pending()).toEqual([300_000]);
  });

  it('signs in again when the renewal is refused', async () => {
    auth.failRenewal = true;
    await clock.advance(1_800_000);
    expect(auth.calls).toEqual(['login', 'renew 1', 'login']);
    expect(await currentSerial()).toBe(2);
  });

  it('stops renewing once closed', async () => {
    session.close();
    expect(clock.pending()).toEqual([]);
    await clock.advance(10_000_000);
    expect(auth.calls).toEqual(['login']);
    await expect(currentSerial()).rejects.toSatisfy((error) => isFieldkitError(error, 'not-signed-in'));
  });

  it('signs in again once on a 401 and replays the call with the new token', async () => {
    const sent: number[] = [];
    const result = await session.withToken(async (token) => {
      sent.push(serialOf(token()));
      return { response: { status: sent.length === 1 ? 401 : 200 } };
    });
    expect(result.response.status).toBe(200);
    expect(sent).toEqual([1, 2]);
    expect(auth.calls).toEqual(['login', 'login']);
  });

  it('gives each attempt of a call the token of that moment, renewed meanwhile', async () => {
    const sent: number[] = [];
    await session.withToken(async (token) => {
      sent.push(serialOf(token()));
      // The call waits before trying again (a 503, a Retry-After), long enough for the renewal to fall due.
      await clock.advance(1_800_000);
      sent.push(serialOf(token()));
      return { response: { status: 200 } };
    });
    expect(sent).toEqual([1, 2]);
    expect(auth.calls).toEqual(['login', 'renew 1']);
  });

  it('returns a second 401 instead of signing in again and again', async () => {
    let sends = 0;
    const result = await session.withToken(async () => {
      sends += 1;
      return { response: { status: 401 } };
    });
    expect(result.response.status).toBe(401);
    expect(sends).toBe(2);
    expect(auth.calls).toEqual(['login', 'login']);
  });

  it('shares one sign-in between calls refused together', async () => {
    const send = async (token: () => string) => ({
      response: { status: serialOf(token()) === 1 ? 401 : 200 },
    });
    await Promise.all([session.withToken(send), session.withToken(send), session.withToken(send)]);
    expect(auth.calls).toEqual(['login', 'login']);
  });

  it('logs out with the current token and stops the timer', async () => {
    await session.signOut();
    expect(auth.calls).toEqual(['login', 'logout 1']);
    expect(clock.pending()).toEqual([]);
    expect(session.closed).toBe(true);
  });

  it('keeps the user of the latest sign-in', () => {
    expect(session.user.loginEmail).toBe('tech@example.com');
  });
});
