import type { PhoneNumber } from '../../services/rainbow/types';
import { pageOf, sortBy } from '../http/listing';
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
      const views = new Map<Readonly<SubscriberRecord>, PhoneNumber>();
      const viewOf = (subscriber: Readonly<SubscriberRecord>): PhoneNumber => {
        const view = views.get(subscriber) ?? phoneNumberView(tenant, subscriber);
        views.set(subscriber, view);
        return view;
      };
      const matches = (subscriber: Readonly<SubscriberRecord>): boolean =>
        (shortNumber === undefined || subscriber.shortNumber === shortNumber) &&
        (internalNumber === undefined || subscriber.internalNumber === internalNumber) &&
        (userId === undefined || viewOf(subscriber).userId === userId) &&
        (isAssignedToUser === undefined || viewOf(subscriber).isAssignedToUser === isAssignedToUser) &&
        (name === undefined ||
          namesOf(viewOf(subscriber)).some((part) => part.toLowerCase().includes(name))) &&
        (deviceName === undefined || (subscriber.deviceName ?? '').toLowerCase().includes(deviceName));

      const subscribers = tenant.readSubscribers(cloudPbx.id).filter(matches);
      const sorted = sortBy(
        subscribers,
        (subscriber) =>
          sort.field === 'shortNumber' ? subscriber.shortNumber : viewOf(subscriber)[sort.field],
        sort.order,
      );
      const { data, ...envelope } = pageOf(sorted, page);
      return okReply({ data: data.map(viewOf), ...envelope });
    },
  },
];

/** `name` matches the first name, the last name, or both as written together. */
function namesOf({ firstName = '', lastName = '' }: PhoneNumber): string[] {
  return [firstName, lastName, `${firstName} ${lastName}`];
}
