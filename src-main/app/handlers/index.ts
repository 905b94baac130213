import type { Handlers } from '../../api/router';
import type { AppInfo } from '../../api/types';
import type { RainbowClient } from '../../services/rainbow';
import type { SessionService } from '../../services/session/session-service';
import type { DeviceFeature } from '../../services/devices/device-feature';
import type { DiscoveryService } from '../../services/discovery/discovery-service';
import type { SiteCheckService } from '../../services/site-check/site-check-service';
import type { CloudPbxViewsService } from '../../services/cloudpbx/cloudpbx-views-service';
import { auditHandlers, type AuditHandlerDeps } from './audit';
import { batchHandlers, catalogHandlers, type BatchHandlerDeps } from './batch';
import { cloudPbxHandlers } from './cloudpbx';
import { debugHandlers, moduleHandlers } from './device-tools';
import { deviceHandlers } from './devices';
import { diagnoseHandlers, type DiagnoseHandlerDeps } from './diagnose';
import { discoveryHandlers } from './discovery';
import { keyHandlers } from './keys';
import { profileHandlers, type ProfileHandlerDeps } from './profiles';
import { appHandlers, sessionHandlers, type OpenExternal } from './session';
import { registrationHandlers } from './registrations';
import { siteCheckHandlers } from './site-check';
import { subscriberHandlers, userHandlers } from './subscribers';
import { swapHandlers } from './swaps';
import { systemHandlers } from './systems';

export interface HandlerServices extends ProfileHandlerDeps {
  appInfo: () => Promise<AppInfo>;
  openExternal?: OpenExternal;
  session: SessionService<RainbowClient>;
  cloudPbxViews: CloudPbxViewsService;
  deviceFeature: DeviceFeature;
  audit: AuditHandlerDeps;
  discovery: DiscoveryService;
  batch: BatchHandlerDeps;
  diagnose: DiagnoseHandlerDeps;
  siteCheck: SiteCheckService;
}

/** Every call of the contract, one namespace per file; the type checks none is missing. */
export function createHandlers(services: HandlerServices): Handlers {
  return {
    ...appHandlers(services.appInfo, services.openExternal),
    ...profileHandlers(services),
    ...sessionHandlers(services.session),
    ...systemHandlers(services.session),
    ...cloudPbxHandlers(services.cloudPbxViews),
    ...subscriberHandlers(services.session, services.deviceFeature),
    ...deviceHandlers(services.deviceFeature),
    ...userHandlers(services.deviceFeature),
    ...debugHandlers(services.deviceFeature),
    ...moduleHandlers(services.deviceFeature),
    ...keyHandlers(services.deviceFeature, services.batch),
    ...registrationHandlers(services.deviceFeature),
    ...swapHandlers(services.deviceFeature),
    ...auditHandlers(services.audit),
    ...discoveryHandlers(services.discovery),
    ...batchHandlers(services.batch),
    ...catalogHandlers(services.batch),
    ...diagnoseHandlers(services.diagnose),
    ...siteCheckHandlers(services.siteCheck, services.session),
  };
}
