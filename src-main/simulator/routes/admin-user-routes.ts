import { pageOf, sortBy } from '../http/listing';
import { readChoice, readPage, readSort, readString } from '../http/query';
import { okReply } from '../http/responses';
import type { Route } from '../http/router';
import type { SubscriberRecord } from '../tenant/records';
import type { SimulatorTenant } from '../tenant/tenant';
import { userView } from '../tenant/views';
import { ADMIN_BASE } from './access';

const USER_SORT_FIELDS = ['loginEmail', 'firstName', 'lastName', 'displayName'] as const;
/** Accepted and checked; every format returns the full record (what each level drops is not documented). */
const FORMATS = ['small', 'medium', 'full'] as const;
const MAX_LIMIT = 1000;

/**
 * The admin API's user list, for picking the Rainbow user of a new subscriber. A company_admin sees the users
 * of its own company; `searchEmail` matches part of the login email, case-insensitively (assumption).
 */
export const adminUserRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${ADMIN_BASE}/users`,
    access: 'bearer',
    handle: ({ query, tenant }, session) => {
      const page = readPage(query, { maxLimit: MAX_LIMIT });
      const sort = readSort(query, USER_SORT_FIELDS, 'loginEmail');
      readChoice(query, 'format', FORMATS);
      const companyIds = readString(query, 'companyId')?.split(',');
      const searchEmail = readString(query, 'searchEmail')?.toLowerCase();
      const users = tenant
        .readUsers()
        .filter((user) => user.companyId === session.user.companyId)
        .filter((user) => companyIds === undefined || companyIds.includes(user.companyId))
        .filter((user) => searchEmail === undefined || user.loginEmail.toLowerCase().includes(searchEmail));
      const sorted = sortBy(users, (user) => user[sort.field], sort.order);
      const held = subscribersByUser(tenant);
      const answer = pageOf(sorted, page);
      return okReply({
        ...answer,
        data: answer.data.map((user) => userView(tenant, user, held.get(user.id) ?? [])),
      });
    },
  },
];

function subscribersByUser(tenant: SimulatorTenant): Map<string, Readonly<SubscriberRecord>[]> {
  const byUser = new Map<string, Readonly<SubscriberRecord>[]>();
  for (const cloudPbx of tenant.listCloudPbxs()) {
    for (const subscriber of tenant.readSubscribers(cloudPbx.id)) {
      if (subscriber.userId === undefined) continue;
      byUser.set(subscriber.userId, [...(byUser.get(subscriber.userId) ?? []), subscriber]);
    }
  }
  return byUser;
}
