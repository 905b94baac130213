import type { PhoneNumber } from '../../services/rainbow/types';
import { pageOf, sortBy } from '../http/listing';
import { ListingCache, lazyViews, listingKey } from '../http/listing-cache';
import { readBoolean, readChoice, readPage, readSort, readString } from '../http/query';
import { okReply } from '../http/responses';
import type { Route } from '../http/router';
import type { SubscriberRecord } from '../tenant/records';
import { phoneNumberView } from '../tenant/views';
import { ADMIN_BASE, requireVisibleCloudPbx, routeParam } from './access';

const PHONE_NUMBER_SORT_FIELDS = [
  'shortNumber',
  'internalNumber',
  'numberE164',
  'firstName',
  'lastName',
  'userId',
  'deviceName',
] as const;

/**
 * `format` is accepted and checked, but every format returns the full record: which fields each level
 * drops is not documented (assumption).
 */
const FORMATS = ['small', 'medium', 'full'] as const;
const MAX_LIMIT = 1000;
/** Filters that read a subscriber's user, which can change while the subscribers do not. */
const VIEW_FILTERS = ['userId', 'isAssignedToUser', 'name'];

const listings = new ListingCache<Readonly<SubscriberRecord>>();

/** The admin API's list of a system's phone numbers: the only list of CloudPBX subscribers. */
export const adminPhoneNumberRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${ADMIN_BASE}/systems/:systemId/phone-numbers`,
    access: 'bearer',
    handle: ({ params, query, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const page = readPage(query, { maxLimit: MAX_LIMIT });
      const sort = readSort(query, PHONE_NUMBER_SORT_FIELDS, 'shortNumber');
      readChoice(query, 'format', FORMATS);
      const shortNumber = readString(query, 'shortNumber');
      const internalNumber = readString(query, 'internalNumber');
      const userId = readString(query, 'userId');
      const isAssignedToUser = readBoolean(query, 'isAssignedToUser');
      const name = readString(query, 'name')?.toLowerCase();
      const deviceName = readString(query, 'deviceName')?.toLowerCase();

      // A view is built only when a filter or the sort reads it, and for the page answered: building every
      // subscriber's view for each page made listing them all quadratic.
      const viewOf = lazyViews((subscriber: Readonly<SubscriberRecord>) =>
        phoneNumberView(tenant, subscriber),
      );
      const matches = (subscriber: Readonly<SubscriberRecord>): boolean =>
        (shortNumber === undefined || subscriber.shortNumber === shortNumber) &&
        (internalNumber === undefined || subscriber.internalNumber === internalNumber) &&
        (userId === undefined || viewOf(subscriber).userId === userId) &&
        (isAssignedToUser === undefined || (subscriber.userId !== undefined) === isAssignedToUser) &&
        (name === undefined ||
          namesOf(viewOf(subscriber)).some((part) => part.toLowerCase().includes(name))) &&
        (deviceName === undefined || (subscriber.deviceName ?? '').toLowerCase().includes(deviceName));

      const listing = (): readonly Readonly<SubscriberRecord>[] =>
        sortBy(
          tenant.readSubscribers(cloudPbx.id).filter(matches),
          (subscriber) =>
            sort.field === 'shortNumber' ? subscriber.shortNumber : viewOf(subscriber)[sort.field],
          sort.order,
        );
      // Names and logins come from users: only the listing that reads nothing but the subscribers is reused.
      const readsOnlySubscribers =
        sort.field === 'shortNumber' && !VIEW_FILTERS.some((filter) => query.has(filter));
      const { data, ...envelope } = pageOf(
        readsOnlySubscribers
          ? listings.get(tenant, listingKey(cloudPbx.id, query), tenant.subscribersRevision, listing)
          : listing(),
        page,
      );
      return okReply({ data: data.map(viewOf), ...envelope });
    },
  },
];

/** `name` matches the first name, the last name, or both as written together. */
function namesOf({ firstName = '', lastName = '' }: PhoneNumber): string[] {
  return [firstName, lastName, `${firstName} ${lastName}`];
}
