import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { NamespaceHandlers } from './handler-types';

export function deviceHandlers(session: SessionService<RainbowClient>): NamespaceHandlers<'devices'> {
  return {
    'devices.list': ({ systemId }) => session.client().listDevices(systemId),
  };
}
