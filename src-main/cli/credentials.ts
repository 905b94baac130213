import { FieldkitError } from '../services/errors';
import type { Credentials } from '../services/session/session-service';

const ENV_VARIABLES = {
  host: 'FIELDKIT_HOST',
  login: 'FIELDKIT_LOGIN',
  password: 'FIELDKIT_PASSWORD',
  appId: 'FIELDKIT_APP_ID',
  appSecret: 'FIELDKIT_APP_SECRET',
} as const satisfies Record<keyof Credentials, string>;

/**
 * Credentials for automation, from FIELDKIT_* variables: `undefined` when none is set, an error naming the
 * missing ones when only some are.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | undefined {
  const entries = Object.entries(ENV_VARIABLES) as [keyof Credentials, string][];
  const missing = entries.filter(([, variable]) => !env[variable]).map(([, variable]) => variable);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    throw new FieldkitError({
      code: 'invalid-input',
      message: `Incomplete credentials in the environment: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
      hint: `Set all of ${Object.values(ENV_VARIABLES).join(', ')}, or use --profile NAME.`,
    });
  }
  return Object.fromEntries(
    entries.map(([key, variable]) => [key, env[variable] ?? '']),
  ) as unknown as Credentials;
}

export const NO_CREDENTIALS_HINT =
  'Pass --profile NAME (a profile saved in the app), set FIELDKIT_HOST, FIELDKIT_LOGIN, FIELDKIT_PASSWORD, ' +
  'FIELDKIT_APP_ID and FIELDKIT_APP_SECRET, or add --demo to use the built-in simulator.';
