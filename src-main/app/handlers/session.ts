import type { AppInfo } from '../../api/types';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { NamespaceHandlers } from './handler-types';

export function appHandlers(appInfo: () => Promise<AppInfo>): NamespaceHandlers<'app'> {
  return { 'app.info': () => appInfo() };
}

export function sessionHandlers(session: SessionService<RainbowClient>): NamespaceHandlers<'session'> {
  return {
    'session.state': () => session.state,
    'session.signIn': ({ profile }) => session.signIn(profile),
    'session.openDemo': () => session.openDemo(),
    'session.signOut': () => session.signOut(),
  };
}
