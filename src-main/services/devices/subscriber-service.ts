import type { AuditTrail } from '../audit/audit-trail';
import type { Redactor } from '../log/redactor';
import type { RainbowClient, RainbowUser, Subscriber } from '../rainbow';
import type { Device, PhoneNumber, Registration } from '../rainbow/types';
import { withoutDeviceSecrets } from './device-secrets';
import type { AdminUser } from './types';

export type SubscriberClient = Pick<
  RainbowClient,
  | 'user'
  | 'getSystem'
  | 'listSubscriberDevices'
  | 'listSubscriberRegistrations'
  | 'listFreeNumbers'
  | 'createSubscriber'
  | 'listUsers'
>;

export interface SubscriberServiceDeps {
  client: () => SubscriberClient;
  audit: AuditTrail;
  redactor: Redactor;
}

const MAX_USERS_FOUND = 50;

/** Subscribers (internal numbers): their devices and registrations, free numbers, and creating one for a user. */
export class SubscriberService {
  readonly #deps: SubscriberServiceDeps;

  constructor(deps: SubscriberServiceDeps) {
    this.#deps = deps;
  }

  async devices(systemId: string, phoneNumberId: string): Promise<Device[]> {
    const devices = await this.#deps.client().listSubscriberDevices(systemId, phoneNumberId);
    return devices.map((device) => withoutDeviceSecrets(device, this.#deps.redactor));
  }

  registrations(systemId: string, phoneNumberId: string): Promise<Registration[]> {
    return this.#deps.client().listSubscriberRegistrations(systemId, phoneNumberId);
  }

  /** Free internal numbers as text (the API answers numbers). */
  async freeNumbers(systemId: string, options: { startingWith?: string; limit?: number }): Promise<string[]> {
    return (await this.#deps.client().listFreeNumbers(systemId, options)).map(String);
  }

  /** Gives a user an internal number. The answer's SIP and XMPP passwords never leave this method. */
  async create(systemId: string, userId: string, shortNumber: string): Promise<PhoneNumber> {
    const created = await this.#deps.audit.record(
      {
        action: 'subscriber.create',
        systemId,
        object: { type: 'subscriber', label: shortNumber },
        details: { userId },
        describeResult: (subscriber: Subscriber) => ({ object: { id: subscriber.id } }),
      },
      () => this.#deps.client().createSubscriber(systemId, { userId, shortNumber }),
    );
    this.#deps.redactor.add(created.password);
    this.#deps.redactor.add(created.jid_password);
    return {
      id: created.id,
      shortNumber: created.shortNumber,
      internalNumber: created.internalNumber,
      userId: created.userId,
      systemId: created.systemId,
      deviceName: created.deviceName,
      pbxId: created.pbxId,
      isAssignedToUser: created.userId !== undefined,
    };
  }

  /** Users of the CloudPBX's company whose e-mail or name contains the query (case-insensitive). */
  async searchUsers(systemId: string, query: string): Promise<AdminUser[]> {
    const client = this.#deps.client();
    const companyId = (await client.getSystem(systemId)).companyId ?? client.user.companyId;
    const wanted = query.trim().toLowerCase();
    const users = await client.listUsers({
      companyId,
      ...(wanted.includes('@') ? { searchEmail: wanted } : {}),
    });
    return users
      .filter((user) => searchableText(user).includes(wanted))
      .slice(0, MAX_USERS_FOUND)
      .map(toAdminUser);
  }
}

function searchableText(user: RainbowUser): string {
  return [
    user.loginEmail,
    user.firstName,
    user.lastName,
    user.displayName,
    `${user.firstName} ${user.lastName}`,
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

function toAdminUser(user: RainbowUser): AdminUser {
  const name = user.displayName ?? [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    id: user.id,
    loginEmail: user.loginEmail,
    displayName: name || user.loginEmail,
    ...(user.firstName === undefined ? {} : { firstName: user.firstName }),
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    ...(user.companyId === undefined ? {} : { companyId: user.companyId }),
  };
}
