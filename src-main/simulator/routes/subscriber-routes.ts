import { bodyObject, optionalString, requiredString } from '../http/body';
import { itemEnvelope, okReply } from '../http/responses';
import type { Route } from '../http/router';
import { subscriberView } from '../tenant/views';
import { RVCP_BASE, requireVisibleCloudPbx, requireVisibleSubscriber, routeParam } from './access';

/** The `deviceName` the reference shows on a subscriber created through the provisioning API. */
const CREATED_SUBSCRIBER_DEVICE_NAME = 'RVCP Subscriber';

const SUBSCRIBERS = `${RVCP_BASE}/cloudpbxs/:systemId/subscribers`;

/** CloudPBX subscribers: create one for a Rainbow user, read it, delete it (its devices become free). */
export const subscriberRoutes: Route[] = [
  {
    method: 'POST',
    pattern: SUBSCRIBERS,
    access: 'bearer',
    handle: ({ params, body, tenant }, session) => {
      const cloudPbx = requireVisibleCloudPbx(tenant, session, routeParam(params, 'systemId'));
      const fields = bodyObject(body);
      const shortNumber = requiredString(fields, 'shortNumber');
      const subscriber = tenant.addSubscriber({
        systemId: cloudPbx.id,
        userId: requiredString(fields, 'userId'),
        shortNumber,
        internalNumber: shortNumber,
        deviceName: CREATED_SUBSCRIBER_DEVICE_NAME,
        sipLogin: optionalString(fields, 'login'),
        sipPassword: optionalString(fields, 'password'),
      });
      return okReply(itemEnvelope(subscriberView(tenant, subscriber)));
    },
  },
  {
    method: 'GET',
    pattern: `${SUBSCRIBERS}/:phoneNumberId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) =>
      okReply(itemEnvelope(subscriberView(tenant, requireVisibleSubscriber(tenant, session, params)))),
  },
  {
    method: 'DELETE',
    pattern: `${SUBSCRIBERS}/:phoneNumberId`,
    access: 'bearer',
    handle: ({ params, tenant }, session) => {
      const subscriber = requireVisibleSubscriber(tenant, session, params);
      tenant.removeSubscriber(subscriber.systemId, subscriber.id);
      return okReply(itemEnvelope([], `Cloud PBX Subscriber ${subscriber.id} successfully deleted`));
    },
  },
];
