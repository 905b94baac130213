import type { TokenAuthority } from '../auth/token-authority';
import type { Route } from '../http/router';
import { adminPhoneNumberRoutes } from './admin-phone-number-routes';
import { authRoutes } from './auth-routes';
import { cloudPbxRoutes } from './cloudpbx-routes';
import { deviceRoutes } from './device-routes';

/** Every route the simulator serves, one table per API area. */
export function allRoutes(authority: TokenAuthority): Route[] {
  return [...authRoutes(authority), ...cloudPbxRoutes, ...deviceRoutes, ...adminPhoneNumberRoutes];
}
