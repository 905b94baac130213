import { ADMIN_ROOT, apiPath } from './paths';
import type { RainbowApi } from './rainbow-api';
import type { PhoneNumber } from './types';
import { listUsers } from './users';

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

/** The admin API's most users a page (the simulator's cap too): a company's users in few round trips. */
const USERS_PAGE_SIZE = 1000;

/**
 * The subscribers of a CloudPBX (`GET /api/rainbow/admin/v1.0/systems/:systemId/phone-numbers`, all pages),
 * completed. The notes name neither `loginEmail` nor `isAssignedToUser` among a record's fields, so a record may
 * lack them: `isAssignedToUser` then follows from `userId`, and the login e-mail is read from the company's user
 * list (`GET /api/rainbow/admin/v1.0/users`, documented), asked only when a held number lacks it.
 */
export async function listPhoneNumbers(
  api: RainbowApi,
  systemId: string,
  query: PhoneNumberQuery,
  companyOf: () => Promise<string>,
): Promise<PhoneNumber[]> {
  const { pageSize, ...filters } = query;
  const path = apiPath(ADMIN_ROOT, 'systems', systemId, 'phone-numbers');
  const records = await api.listAll<PhoneNumber>(path, { ...filters, format: 'full' }, pageSize);
  const lackEmail = records.some((record) => record.userId && !record.loginEmail);
  const emails = lackEmail ? await loginEmailsOfCompany(api, await companyOf()) : new Map<string, string>();
  return records.map((record) => completed(record, emails));
}

async function loginEmailsOfCompany(api: RainbowApi, companyId: string): Promise<Map<string, string>> {
  const users = await listUsers(api, { companyId, pageSize: USERS_PAGE_SIZE });
  return new Map(users.map((user) => [user.id, user.loginEmail]));
}

function completed(record: PhoneNumber, emails: ReadonlyMap<string, string>): PhoneNumber {
  const loginEmail = record.loginEmail || (record.userId ? emails.get(record.userId) : undefined);
  return {
    ...record,
    isAssignedToUser: record.isAssignedToUser ?? Boolean(record.userId),
    ...(loginEmail ? { loginEmail } : {}),
  };
}
