import type { AppInfo } from '../../api/types';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import { checkExternalUrl } from '../external-links';
import type { NamespaceHandlers } from './handler-types';

/** Opens an https address in the system browser; absent in the browser shell, where the page opens it itself. */
export type OpenExternal = (url: string) => Promise<void>;

export function appHandlers(
  appInfo: () => Promise<AppInfo>,
  openExternal?: OpenExternal,
): NamespaceHandlers<'app'> {
  return {
    'app.info': () => appInfo(),
    'app.openExternal': async ({ url }) => {
      const checked = checkExternalUrl(url).href;
      if (!openExternal) return { opened: false, url: checked };
      await openExternal(checked);
      return { opened: true, url: checked };
    },
  };
}

export function sessionHandlers(session: SessionService<RainbowClient>): NamespaceHandlers<'session'> {
  return {
    'session.state': () => session.state,
    'session.signIn': ({ profile }) => session.signIn(profile),
    'session.openDemo': () => session.openDemo(),
    'session.signInFromEnvironment': () => session.signInFromEnvironment(),
    'session.workOffline': (account) => session.workOffline(account),
    'session.signOut': () => session.signOut(),
  };
}
