import type {
  CloudPbx,
  Ddi,
  Device,
  ExternalTrunk,
  GroupForwards,
  PhoneNumber,
  PstnDeviceOptions,
  Registration,
  SubscriberCliOptions,
  SubscriberDetails,
} from '../rainbow';
import type { ReadOutcome } from './read-outcome';

/** What the number ladder knows of the subscriber the number reaches. */
export interface SubscriberFacts {
  listed: PhoneNumber;
  details: ReadOutcome<SubscriberDetails>;
  devices: ReadOutcome<Device[]>;
  registrations: ReadOutcome<Registration[]>;
  cliOptions: ReadOutcome<SubscriberCliOptions>;
  pstnDeviceOptions: ReadOutcome<PstnDeviceOptions>;
}

/** Everything the number checks read, gathered once; the checks themselves are pure. */
export interface NumberFacts {
  systemId: string;
  /** As asked: a short number or an E.164 number. */
  asked: string;
  cloudPbx: CloudPbx;
  ddis: ReadOutcome<Ddi[]>;
  /** The DDI asked for, when the number is one. */
  askedDdi?: Ddi;
  /** The forwards of the group the asked DDI reaches. */
  groupForwards?: ReadOutcome<GroupForwards>;
  /** Undefined when the number reaches no subscriber. */
  subscriber?: SubscriberFacts;
  trunks: ReadOutcome<ExternalTrunk[]>;
}
