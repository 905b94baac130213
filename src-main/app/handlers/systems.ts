import { DEVICE_CATEGORIES } from '../../shared/enums';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { NamespaceHandlers } from './handler-types';

export function systemHandlers(session: SessionService<RainbowClient>): NamespaceHandlers<'systems'> {
  return {
    'systems.list': () => session.client().listSystems(),
    'systems.get': ({ systemId }) => session.client().getSystem(systemId),
    'systems.models': ({ systemId }) =>
      session.client().listDeviceModels(systemId, { category: DEVICE_CATEGORIES }),
  };
}
