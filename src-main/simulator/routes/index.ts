import type { TokenAuthority } from '../auth/token-authority';
import type { Route } from '../http/router';
import { adminPhoneNumberRoutes } from './admin-phone-number-routes';
import { adminUserRoutes } from './admin-user-routes';
import { authRoutes } from './auth-routes';
import { cloudPbxRoutes } from './cloudpbx-routes';
import { deviceActionRoutes } from './device-action-routes';
import { deviceRoutes } from './device-routes';
import { deviceWriteRoutes } from './device-write-routes';
import { keyRoutes } from './key-routes';
import { moduleRoutes } from './module-routes';
import { subscriberDeviceRoutes } from './subscriber-device-routes';
import { subscriberRoutes } from './subscriber-routes';
import { telephonyRoutes } from './telephony-routes';

/** Every route the simulator serves, one table per API area. */
export function allRoutes(authority: TokenAuthority): Route[] {
  return [
    ...authRoutes(authority),
    ...cloudPbxRoutes,
    ...deviceRoutes,
    ...deviceWriteRoutes,
    ...deviceActionRoutes,
    ...moduleRoutes,
    ...keyRoutes,
    ...subscriberRoutes,
    ...subscriberDeviceRoutes,
    ...adminPhoneNumberRoutes,
    ...adminUserRoutes,
    ...telephonyRoutes,
  ];
}
