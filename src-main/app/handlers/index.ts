import type { Handlers } from '../../api/router';
import type { AppInfo } from '../../api/types';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import { deviceHandlers } from './devices';
import { profileHandlers, type ProfileHandlerDeps } from './profiles';
import { appHandlers, sessionHandlers } from './session';
import { subscriberHandlers, systemHandlers } from './systems';

export interface HandlerServices extends ProfileHandlerDeps {
  appInfo: () => Promise<AppInfo>;
  session: SessionService<RainbowClient>;
}

/** Every call of the contract, one namespace per file; the type checks none is missing. */
export function createHandlers(services: HandlerServices): Handlers {
  return {
    ...appHandlers(services.appInfo),
    ...profileHandlers(services),
    ...sessionHandlers(services.session),
    ...systemHandlers(services.session),
    ...subscriberHandlers(services.session),
    ...deviceHandlers(services.session),
  };
}
