import { FieldkitError } from '../errors';
import type { Redactor } from '../log/redactor';
import { applicationAuthorization, basicAuthorization, bearerAuthorization } from './auth-headers';
import { AUTHENTICATION_ROOT } from './paths';
import { isSuccess, type RequestRunner, type RunResult } from './request-runner';
import type { LoginAnswer, RenewAnswer } from './types';

export interface RainbowCredentials {
  /** As typed: `openrainbow.com`, `https://host:port`, `http://127.0.0.1:port`… */
  host: string;
  login: string;
  password: string;
  appId: string;
  appSecret: string;
}

/** The authentication API, seen by the session. */
export interface AuthApi {
  login(): Promise<LoginAnswer>;
  /** Returns the new token. */
  renew(token: string): Promise<string>;
  logout(token: string): Promise<void>;
}

function unreadableAnswer(what: string): FieldkitError {
  return new FieldkitError({
    code: 'api-error',
    message: `The ${what} answer of Rainbow is not what Fieldkit expects (no token).`,
    hint: 'Check that the host is a Rainbow platform.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readLoginAnswer(body: unknown): LoginAnswer {
  if (!isRecord(body) || typeof body['token'] !== 'string' || !isRecord(body['loggedInUser'])) {
    throw unreadableAnswer('sign-in');
  }
  return body as unknown as LoginAnswer;
}

function readRenewAnswer(body: unknown): string {
  if (!isRecord(body) || typeof body['token'] !== 'string') throw unreadableAnswer('session renewal');
  return (body as unknown as RenewAnswer).token;
}

/**
 * Login, renew and logout calls (rainbow-api-notes.md, "Sign-in"). The password, the app secret and the
 * header values derived from them are registered with the redactor before anything is sent.
 */
export function createAuthApi(
  origin: URL,
  credentials: RainbowCredentials,
  runner: RequestRunner,
  redactor: Redactor,
): AuthApi {
  const basic = basicAuthorization(credentials.login, credentials.password);
  const appAuth = applicationAuthorization(credentials.appId, credentials.appSecret, credentials.password);
  for (const secret of [credentials.password, credentials.appSecret, basic, appAuth]) redactor.add(secret);
  for (const header of [basic, appAuth]) redactor.add(header.slice('Basic '.length));

  const url = (action: string): URL => new URL(`${AUTHENTICATION_ROOT}/${action}`, origin);
  const expectSuccess = (result: RunResult, phase: 'login' | 'call'): unknown => {
    if (!isSuccess(result.response.status)) throw runner.failure(result, phase);
    return result.response.body;
  };

  return {
    async login() {
      const result = await runner.run({
        method: 'GET',
        url: url('login'),
        headers: { authorization: basic, 'x-rainbow-app-auth': appAuth },
        idempotent: true,
      });
      const answer = readLoginAnswer(expectSuccess(result, 'login'));
      redactor.add(answer.token);
      return answer;
    },
    async renew(token) {
      const headers = { authorization: bearerAuthorization(token) };
      const result = await runner.run({ method: 'GET', url: url('renew'), headers, idempotent: true });
      const renewed = readRenewAnswer(expectSuccess(result, 'call'));
      redactor.add(renewed);
      return renewed;
    },
    async logout(token) {
      const headers = { authorization: bearerAuthorization(token) };
      const result = await runner.run({ method: 'GET', url: url('logout'), headers, idempotent: true });
      expectSuccess(result, 'call');
    },
  };
}
