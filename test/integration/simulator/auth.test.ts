import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { AUTH_BASE, RVCP_BASE, decodeClaims, getJson, signIn, signInHeaders } from './http-helpers';
import { FakeClock } from '../../support/fake-clock';

const START = Date.UTC(2025, 0, 6, 8, 0, 0);

describe('simulator authentication', () => {
  let simulator: RunningSimulator;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock(START);
    simulator = await startSimulator({ now: clock.now });
  });
  afterEach(async () => {
    await simulator.close();
  });

  it('signs the demo technician in with a real HS256 JWT and the documented answer', async () => {
    const answer = await getJson<Record<string, unknown>>(simulator, `${AUTH_BASE}/login`, {
      headers: signInHeaders(DEMO_CREDENTIALS),
    });

    expect(answer.status).toBe(200);
    expect(answer.body['loggedInUser']).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      loginEmail: 'tech@demo.fieldkit.invalid',
      companyId: simulator.tenant.company.id,
      roles: ['user', 'admin'],
      adminType: 'company_admin',
      firstName: 'Julien',
      lastName: 'Fabre',
      displayName: 'Julien Fabre',
    });
    expect(answer.body['loggedInApplication']).toEqual({ id: DEMO_CREDENTIALS.appId, name: 'Fieldkit' });
    const token = String(answer.body['token']);
    const [header = ''] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeClaims(token)).toMatchObject({
      user: { loginEmail: 'tech@demo.fieldkit.invalid' },
      app: { id: DEMO_CREDENTIALS.appId, name: 'Fieldkit' },
      iat: START / 1000,
      exp: START / 1000 + 3600,
    });
  });

  it('answers 401 with the error body for a wrong password, before looking at the application', async () => {
    const wrongPassword = { ...DEMO_CREDENTIALS, password: 'not-the-password' };
    const headers = { ...signInHeaders(wrongPassword), 'x-rainbow-app-auth': 'Basic bm9wZTpub3Bl' };
    const answer = await getJson(simulator, `${AUTH_BASE}/login`, { headers });

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errorCode: 401,
      errorMsg: 'Unauthorized',
      errorDetails: 'Invalid credentials',
      errorDetailsCode: 401500,
    });
  });

  it('answers 401 for an unknown login and for a missing Authorization header', async () => {
    const unknown = await getJson(simulator, `${AUTH_BASE}/login`, {
      headers: signInHeaders({ ...DEMO_CREDENTIALS, login: 'nobody@demo.fieldkit.invalid' }),
    });
    const missing = await getJson(simulator, `${AUTH_BASE}/login`);

    expect(unknown.status).toBe(401);
    expect(missing.status).toBe(401);
  });

  it('answers 403 for an unknown application id', async () => {
    const answer = await getJson<Record<string, unknown>>(simulator, `${AUTH_BASE}/login`, {
      headers: signInHeaders({ ...DEMO_CREDENTIALS, appId: '00000000000000000000000000000000' }),
    });

    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ errorCode: 403, errorMsg: 'Forbidden' });
    expect(String(answer.body['errorDetails'])).toMatch(/Application not authorised/);
    expect(String(answer.body['errorDetailsCode'])).toMatch(/^403\d{3}$/);
  });

  it('answers 403 when the application proof is wrong (wrong secret or an uppercase digest)', async () => {
    const wrongSecret = await getJson(simulator, `${AUTH_BASE}/login`, {
      headers: signInHeaders({ ...DEMO_CREDENTIALS, appSecret: 'another-secret' }),
    });
    const proper = signInHeaders(DEMO_CREDENTIALS);
    const [appId, digest = ''] = Buffer.from(proper['x-rainbow-app-auth']?.slice(6) ?? '', 'base64')
      .toString()
      .split(':');
    const uppercase = await getJson(simulator, `${AUTH_BASE}/login`, {
      headers: {
        ...proper,
        'x-rainbow-app-auth': `Basic ${Buffer.from(`${appId}:${digest.toUpperCase()}`).toString('base64')}`,
      },
    });

    expect(wrongSecret.status).toBe(403);
    expect(uppercase.status).toBe(403);
  });

  it('rejects an expired token with errorDetails "jwt expired"', async () => {
    const token = await signIn(simulator);
    expect((await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token })).status).toBe(200);

    await clock.advance(3600 * 1000);
    const answer = await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token });

    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errorCode: 401,
      errorMsg: 'Unauthorized',
      errorDetails: 'jwt expired',
      errorDetailsCode: 401522,
    });
  });

  it('issues tokens that are already expired after setTokenLifetime(0)', async () => {
    simulator.setTokenLifetime(0);
    const token = await signIn(simulator);

    const answer = await getJson<{ errorDetails: string }>(simulator, `${RVCP_BASE}/cloudpbxs`, { token });

    expect(answer.status).toBe(401);
    expect(answer.body.errorDetails).toBe('jwt expired');
  });

  it('renews a token with a fresh expiry; the new token works after the old one expired', async () => {
    const first = await signIn(simulator);
    await clock.advance(3000 * 1000);

    const renewed = await getJson<{ token: string }>(simulator, `${AUTH_BASE}/renew`, { token: first });
    expect(renewed.status).toBe(200);
    expect(Object.keys(renewed.body)).toEqual(['token']);
    expect(decodeClaims(renewed.body.token)).toMatchObject({
      iat: START / 1000 + 3000,
      exp: START / 1000 + 6600,
    });

    await clock.advance(1000 * 1000);
    expect((await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token: first })).status).toBe(401);
    expect((await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token: renewed.body.token })).status).toBe(
      200,
    );
  });

  it('revokes the token on logout and only that token', async () => {
    const kept = await signIn(simulator);
    const revoked = await signIn(simulator);

    expect((await getJson(simulator, `${AUTH_BASE}/logout`, { token: revoked })).status).toBe(200);

    const after = await getJson<{ errorCode: number; errorDetailsCode: number }>(
      simulator,
      `${RVCP_BASE}/cloudpbxs`,
      {
        token: revoked,
      },
    );
    expect(after.status).toBe(401);
    expect(after.body.errorDetailsCode).toBe(401524);
    expect((await getJson(simulator, `${AUTH_BASE}/renew`, { token: revoked })).status).toBe(401);
    expect((await getJson(simulator, `${RVCP_BASE}/cloudpbxs`, { token: kept })).status).toBe(200);
  });

  it('answers 401 Unauthorized without a bearer token, with a tampered one or with one from another simulator', async () => {
    const token = await signIn(simulator);
    const [header, payload, signature = ''] = token.split('.');
    const tampered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const other = await startSimulator();
    const foreign = await signIn(other).finally(() => other.close());

    const missing = await getJson<Record<string, unknown>>(simulator, `${RVCP_BASE}/cloudpbxs`);
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      errorCode: 401,
      errorMsg: 'Unauthorized',
      errorDetailsCode: 401520,
    });

    for (const bad of [tampered, foreign, 'not-a-jwt']) {
      const answer = await getJson<Record<string, unknown>>(simulator, `${RVCP_BASE}/cloudpbxs`, {
        token: bad,
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ errorMsg: 'Unauthorized', errorDetailsCode: 401521 });
    }
  });
});
