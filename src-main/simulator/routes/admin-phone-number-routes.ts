import type { PhoneNumber } from '../../services/rainbow/types';
import { pageOf, sortBy } from '../http/listing';
import { readBoolean, readChoice, readPage, readSort, readString } from '../http/query';
import { okReply } from '../http/responses';
import type { Route } from '../http/router';
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

      const matches = (phoneNumber: PhoneNumber): boolean =>
        (shortNumber === undefined || phoneNumber.shortNumber === shortNumber) &&
        (internalNumber === undefined || phoneNumber.internalNumber === internalNumber) &&
        (userId === undefined || phoneNumber.userId === userId) &&
        (isAssignedToUser === undefined || (phoneNumber.userId !== undefined) === isAssignedToUser) &&
        (name === undefined || namesOf(phoneNumber).some((part) => part.toLowerCase().includes(name))) &&
        (deviceName === undefined || (phoneNumber.deviceName ?? '').toLowerCase().includes(deviceName));

      const phoneNumbers = tenant
        .listSubscribers(cloudPbx.id)
        .map((subscriber) => phoneNumberView(tenant, subscriber))
        .filter(matches);
      return okReply(
        pageOf(
          sortBy(phoneNumbers, (phoneNumber) => phoneNumber[sort.field], sort.order),
          page,
        ),
      );
    },
  },
];

/** `name` matches the first name, the last name, or both as written together. */
function namesOf({ firstName = '', lastName = '' }: PhoneNumber): string[] {
  return [firstName, lastName, `${firstName} ${lastName}`];
}
