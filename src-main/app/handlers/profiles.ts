import type { ConnectionTestResult, ProfileSummary } from '../../api/types';
import { FieldkitError } from '../../services/errors';
import { normaliseRainbowHost, type RainbowClient } from '../../services/rainbow';
import type { Credentials } from '../../services/session/session-service';
import type { CredentialVault, ProfileRecord } from '../../services/vault';
import type { NamespaceHandlers } from './handler-types';

export interface ProfileHandlerDeps {
  vault: CredentialVault;
  /** Signs in with the given credentials without touching the app's session (for "Test"). */
  probe: (credentials: Credentials) => Promise<RainbowClient>;
}

export function profileHandlers({ vault, probe }: ProfileHandlerDeps): NamespaceHandlers<'profiles'> {
  return {
    'profiles.list': async () => (await vault.list()).map(summarise),
    'profiles.save': async (input) => {
      checkHost(input.host);
      return summarise(await vault.save(input));
    },
    'profiles.test': async ({ name }) => testProfile(await vault.credentials(name), probe),
    'profiles.remove': async ({ name }) => ({ removed: await vault.remove(name) }),
  };
}

/** A host the client would refuse (plain http to a remote host, a path in it…) is refused at save, on its field. */
function checkHost(host: string): void {
  try {
    normaliseRainbowHost(host);
  } catch (error) {
    if (!(error instanceof FieldkitError)) throw error;
    throw new FieldkitError({ ...error.toData(), issues: [{ field: 'host', message: error.message }] });
  }
}

function summarise({ name, host, login, appId }: ProfileRecord): ProfileSummary {
  return { name, host, login, appId };
}

async function testProfile(
  credentials: Credentials,
  probe: (credentials: Credentials) => Promise<RainbowClient>,
): Promise<ConnectionTestResult> {
  try {
    const client = await probe(credentials);
    const { loginEmail, displayName, firstName, lastName } = client.user;
    await client.signOut().catch(() => undefined);
    return {
      ok: true,
      user: { loginEmail, displayName: displayName ?? `${firstName ?? ''} ${lastName ?? ''}`.trim() },
    };
  } catch (error) {
    if (error instanceof FieldkitError) return { ok: false, error: error.toData() };
    throw error;
  }
}
