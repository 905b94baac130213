import type { Handlers } from '../api/router';
import type { AppInfo, ConnectionTestResult, ProfileSummary } from '../api/types';
import { FieldkitError } from '../services/errors';
import type { RainbowClient } from '../services/rainbow';
import type { CredentialVault, ProfileRecord } from '../services/vault';
import type { Credentials, SessionService } from '../services/session/session-service';

const ALL_CATEGORIES = 'deskphone,dectmobile,uncategorized';

export interface HandlerServices {
  appInfo: () => Promise<AppInfo>;
  vault: CredentialVault;
  session: SessionService<RainbowClient>;
  /** Signs in with the given credentials without touching the app's session (for "Test"). */
  probe: (credentials: Credentials) => Promise<RainbowClient>;
}

export function createHandlers({ appInfo, vault, session, probe }: HandlerServices): Handlers {
  return {
    'app.info': () => appInfo(),
    'profiles.list': async () => (await vault.list()).map(summarise),
    'profiles.save': async (input) => summarise(await vault.save(input)),
    'profiles.test': async ({ name }) => testProfile(await vault.credentials(name), probe),
    'profiles.remove': async ({ name }) => ({ removed: await vault.remove(name) }),
    'session.state': () => session.state,
    'session.signIn': ({ profile }) => session.signIn(profile),
    'session.openDemo': () => session.openDemo(),
    'session.signOut': () => session.signOut(),
    'systems.list': () => session.client().listSystems(),
    'systems.get': ({ systemId }) => session.client().getSystem(systemId),
    'systems.models': ({ systemId }) =>
      session.client().listDeviceModels(systemId, { category: ALL_CATEGORIES }),
    'subscribers.list': ({ systemId }) => session.client().listPhoneNumbers(systemId),
  };
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
