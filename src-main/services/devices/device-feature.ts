import type { AuditTrail } from '../audit/audit-trail';
import type { Redactor } from '../log/redactor';
import type { Clock, RainbowClient } from '../rainbow';
import { KeyImportService } from '../keys/import/key-import-service';
import { KeyService } from '../keys/key-service';
import { DebugService } from './debug-service';
import { DeviceListings } from './device-listings';
import { DeviceSettingsService } from './device-settings-service';
import { DeviceService } from './device-service';
import { ModuleService } from './module-service';
import { RegistrationWatcher } from './registration-watcher';
import { SubscriberService } from './subscriber-service';
import { SwapService } from './swap-service';
import type { RegistrationSnapshot, SwapProgress } from './types';

export interface DeviceFeatureDeps {
  /** The signed-in client, looked up at each call (sign-in can change it). */
  client: () => RainbowClient;
  audit: AuditTrail;
  redactor: Redactor;
  clock: Clock;
  onRegistrations?: (snapshot: RegistrationSnapshot) => void;
  onSwapProgress?: (progress: SwapProgress) => void;
}

/** The services of the devices & subscribers feature, wired together. */
export interface DeviceFeature {
  devices: DeviceService;
  /** The device list handed out page by page as it arrives (`devices.listPage`). */
  listings: DeviceListings;
  subscribers: SubscriberService;
  debug: DebugService;
  modules: ModuleService;
  keys: KeyService;
  keyImport: KeyImportService;
  settings: DeviceSettingsService;
  swaps: SwapService;
  registrations: RegistrationWatcher;
}

export function createDeviceFeature(deps: DeviceFeatureDeps): DeviceFeature {
  const { client, audit, redactor, clock } = deps;
  const registrations = new RegistrationWatcher({
    source: {
      device: (systemId, deviceId) => client().listDeviceRegistrations(systemId, deviceId),
      subscriber: (systemId, phoneNumberId) => client().listSubscriberRegistrations(systemId, phoneNumberId),
    },
    clock,
    emit: (snapshot) => deps.onRegistrations?.(snapshot),
  });
  const onDeviceActivity = (systemId: string, deviceId: string): void =>
    registrations.nudge(systemId, deviceId);
  const devices = new DeviceService({ client, audit, redactor, onDeviceActivity });
  return {
    devices,
    listings: new DeviceListings({ pages: (systemId) => devices.pages(systemId), clock }),
    subscribers: new SubscriberService({ client, audit, redactor }),
    debug: new DebugService({ client, audit, redactor, clock }),
    modules: new ModuleService({ client, audit, redactor }),
    keys: new KeyService({ client, audit }),
    keyImport: new KeyImportService({ client, audit, now: () => clock.now() }),
    settings: new DeviceSettingsService({ client, audit, redactor }),
    swaps: new SwapService({
      client,
      audit,
      redactor,
      clock,
      onDeviceActivity,
      emit: (progress) => deps.onSwapProgress?.(progress),
    }),
    registrations,
  };
}
