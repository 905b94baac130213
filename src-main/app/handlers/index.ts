import type { Handlers } from '../../api/router';
import type { AppInfo } from '../../api/types';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { DeviceFeature } from '../../services/devices/device-feature';
import type { DiscoveryService } from '../../services/discovery/discovery-service';
import type { SiteCheckService } from '../../services/site-check/site-check-service';
import type { CloudPbxViewsService } from '../../services/cloudpbx/cloudpbx-views-service';
import type { Lazy } from '../lazy';
import type { AuditHandlerDeps } from './audit';
import type { BatchHandlerDeps } from './batch';
import type { DiagnoseHandlerDeps } from './diagnose';
import { discoveryHandlers } from './discovery';
import { lazyHandlers } from './lazy-handlers';
import type { ProfileHandlerDeps } from './profiles';
import { appHandlers, sessionHandlers, type OpenExternal } from './session';
import { systemHandlers } from './systems';

/**
 * What the handlers call. The session and discovery are built with the core; every other service is built, and
 * its handlers' modules loaded, on the first call of a namespace that needs it (see `lazyHandlers`).
 */
export interface HandlerServices {
  appInfo: () => Promise<AppInfo>;
  openExternal?: OpenExternal;
  session: SessionService<RainbowClient>;
  discovery: DiscoveryService;
  profiles: Lazy<ProfileHandlerDeps>;
  cloudPbxViews: Lazy<CloudPbxViewsService>;
  deviceFeature: Lazy<DeviceFeature>;
  audit: AuditHandlerDeps;
  batch: Lazy<BatchHandlerDeps>;
  diagnose: Lazy<DiagnoseHandlerDeps>;
  siteCheck: Lazy<SiteCheckService>;
}

/** Every call of the contract, one namespace per file; the type checks none is missing. */
export function createHandlers(services: HandlerServices): Handlers {
  const { session, deviceFeature } = services;
  return {
    ...appHandlers(services.appInfo, services.openExternal),
    ...sessionHandlers(session),
    ...systemHandlers(session),
    ...discoveryHandlers(services.discovery),
    ...lazyHandlers('profiles', async () =>
      (await import('./profiles')).profileHandlers(await services.profiles()),
    ),
    ...lazyHandlers('cloudpbx', async () =>
      (await import('./cloudpbx')).cloudPbxHandlers(await services.cloudPbxViews()),
    ),
    ...lazyHandlers('subscribers', async () =>
      (await import('./subscribers')).subscriberHandlers(session, await deviceFeature()),
    ),
    ...lazyHandlers('users', async () => (await import('./subscribers')).userHandlers(await deviceFeature())),
    ...lazyHandlers('devices', async () => (await import('./devices')).deviceHandlers(await deviceFeature())),
    ...lazyHandlers('debug', async () =>
      (await import('./device-tools')).debugHandlers(await deviceFeature()),
    ),
    ...lazyHandlers('modules', async () =>
      (await import('./device-tools')).moduleHandlers(await deviceFeature()),
    ),
    ...lazyHandlers('keys', async () =>
      (await import('./keys')).keyHandlers(await deviceFeature(), await services.batch()),
    ),
    ...lazyHandlers('registrations', async () =>
      (await import('./registrations')).registrationHandlers(await deviceFeature()),
    ),
    ...lazyHandlers('swaps', async () => (await import('./swaps')).swapHandlers(await deviceFeature())),
    ...lazyHandlers('audit', async () => (await import('./audit')).auditHandlers(services.audit)),
    ...lazyHandlers('batch', async () => (await import('./batch')).batchHandlers(await services.batch())),
    ...lazyHandlers('catalog', async () => (await import('./batch')).catalogHandlers(await services.batch())),
    ...lazyHandlers('diagnose', async () =>
      (await import('./diagnose')).diagnoseHandlers(await services.diagnose()),
    ),
    ...lazyHandlers('siteCheck', async () =>
      (await import('./site-check')).siteCheckHandlers(await services.siteCheck(), session),
    ),
  };
}
