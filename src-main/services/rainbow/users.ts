import { ADMIN_ROOT, apiPath } from './paths';
import type { RainbowApi } from './rainbow-api';

/** A user as the admin API lists it; only the fields Fieldkit reads. */
export interface RainbowUser {
  id: string;
  loginEmail: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  companyId?: string;
}

/** Filters of `GET /api/rainbow/admin/v1.0/users` (rainbow-api-notes.md). */
export interface UserQuery {
  companyId: string;
  /** Part of a login e-mail. */
  searchEmail?: string;
  pageSize?: number;
}

/** The users of a company, all pages (`format=small`: no more than Fieldkit shows). */
export function listUsers(api: RainbowApi, query: UserQuery): Promise<RainbowUser[]> {
  const { pageSize, ...filters } = query;
  return api.listAll<RainbowUser>(apiPath(ADMIN_ROOT, 'users'), { ...filters, format: 'small' }, pageSize);
}
