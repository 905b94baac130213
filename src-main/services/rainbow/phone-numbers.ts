import { ADMIN_ROOT, apiPath } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { PhoneNumber } from './types';

/** Filters of the admin API's phone-number list (rainbow-api-notes.md, "Listing subscribers"). */
export interface PhoneNumberQuery {
  shortNumber?: string;
  internalNumber?: string;
  pbxUserId?: string;
  name?: string;
  deviceName?: string;
  isAssignedToUser?: boolean;
  userId?: string;
  sortField?: string;
  sortOrder?: 1 | -1;
  pageSize?: number;
}

/** The subscribers of a CloudPBX (`GET /api/rainbow/admin/v1.0/systems/:systemId/phone-numbers`, all pages). */
export function listPhoneNumbers(
  api: RainbowApi,
  systemId: string,
  query: PhoneNumberQuery = {},
): Promise<PhoneNumber[]> {
  const { pageSize, ...filters } = query;
  const path = apiPath(ADMIN_ROOT, 'systems', systemId, 'phone-numbers');
  return api.listAll<PhoneNumber>(path, { ...filters, format: 'full' }, pageSize);
}
