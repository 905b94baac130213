import { checkReport } from '../../shared/check-ladder';
import type { AuditTrail } from '../audit/audit-trail';
import type { Ddi, PhoneNumber, RainbowClient } from '../rainbow';
import { numberChecks } from './number-checks';
import type { NumberFacts, SubscriberFacts } from './number-facts';
import { readOutcome } from './read-outcome';
import type { NumberDiagnosis, NumberSubject } from './types';

export type NumberDiagnoseClient = Pick<
  RainbowClient,
  | 'getSystem'
  | 'listPhoneNumbers'
  | 'listDdis'
  | 'getGroupForwards'
  | 'listExternalTrunks'
  | 'getSubscriber'
  | 'listSubscriberDevices'
  | 'listSubscriberRegistrations'
  | 'getSubscriberCliOptions'
  | 'getPstnDeviceOptions'
>;

export interface NumberDiagnoseDeps {
  /** The signed-in client, looked up at each call (sign-in can change it). */
  client: () => NumberDiagnoseClient;
  audit: AuditTrail;
}

/** "Why doesn't this number ring?": what reaches it, what rings, what it may call, and through which trunk. */
export class NumberDiagnoseService {
  readonly #deps: NumberDiagnoseDeps;

  constructor(deps: NumberDiagnoseDeps) {
    this.#deps = deps;
  }

  async diagnose(request: { systemId: string; number: string }): Promise<NumberDiagnosis> {
    const { systemId, number } = request;
    const client = this.#deps.client();
    const [cloudPbx, subscribers, ddis] = await Promise.all([
      client.getSystem(systemId),
      client.listPhoneNumbers(systemId),
      readOutcome(() => client.listDdis(systemId)),
    ]);
    const askedDdi = ddis.ok ? ddis.value.find((ddi) => ddi.numberE164 === number) : undefined;
    const listed = holderOf(number, subscribers, askedDdi);
    return this.#deps.audit.record(
      {
        action: 'diagnose.number',
        systemId,
        object: { type: 'subscriber', ...(listed === undefined ? {} : { id: listed.id }), label: number },
        describeResult: (diagnosis) => ({ details: { verdict: diagnosis.verdict } }),
      },
      async () => {
        const facts: NumberFacts = {
          systemId,
          asked: number,
          cloudPbx,
          ddis,
          trunks: await readOutcome(() => client.listExternalTrunks()),
        };
        if (askedDdi !== undefined) facts.askedDdi = askedDdi;
        const groupId = askedDdi?.rvcpGroupId;
        if (askedDdi?.userId === null && groupId !== undefined && groupId !== null) {
          facts.groupForwards = await readOutcome(() => client.getGroupForwards(systemId, groupId));
        }
        if (listed !== undefined) facts.subscriber = await this.#subscriberFacts(systemId, listed);
        return checkReport(subjectOf(systemId, number, listed), numberChecks(facts));
      },
    );
  }

  async #subscriberFacts(systemId: string, listed: PhoneNumber): Promise<SubscriberFacts> {
    const client = this.#deps.client();
    const id = listed.id;
    const [details, devices, registrations, cliOptions, pstnDeviceOptions] = await Promise.all([
      readOutcome(() => client.getSubscriber(systemId, id)),
      readOutcome(() => client.listSubscriberDevices(systemId, id)),
      readOutcome(() => client.listSubscriberRegistrations(systemId, id)),
      readOutcome(() => client.getSubscriberCliOptions(systemId, id)),
      readOutcome(() => client.getPstnDeviceOptions(systemId, id)),
    ]);
    return { listed, details, devices, registrations, cliOptions, pstnDeviceOptions };
  }
}

/** The subscriber a number reaches: by short or E.164 number, or through the DDI asked for. */
function holderOf(
  number: string,
  subscribers: readonly PhoneNumber[],
  ddi: Ddi | undefined,
): PhoneNumber | undefined {
  const direct = subscribers.find(
    (subscriber) => subscriber.shortNumber === number || subscriber.numberE164 === number,
  );
  if (direct !== undefined) return direct;
  const userId = ddi?.userId;
  return userId === null || userId === undefined
    ? undefined
    : subscribers.find((subscriber) => subscriber.userId === userId);
}

function subjectOf(systemId: string, number: string, listed: PhoneNumber | undefined): NumberSubject {
  if (listed === undefined) return { kind: 'number', systemId, number };
  const displayName = [listed.firstName, listed.lastName].filter(Boolean).join(' ');
  return {
    kind: 'number',
    systemId,
    number,
    phoneNumberId: listed.id,
    shortNumber: listed.shortNumber,
    ...(listed.numberE164 === undefined ? {} : { numberE164: listed.numberE164 }),
    ...(displayName === '' ? {} : { displayName }),
  };
}
