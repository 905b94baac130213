import type { Check } from '../../shared/check-ladder';
import type { CloudPbxTelephonySettings, Ddi, ExternalTrunk } from '../rainbow';
import { isTrunkInService } from '../rainbow';
import { cannotRun, check, skipped } from './check-builders';
import type { NumberFacts, SubscriberFacts } from './number-facts';
import type { NumberFixKind } from './types';

type NumberCheck = Check<NumberFixKind>;

/** At or under this no-reply delay, calls reach voicemail after about two rings. */
const SHORT_OVERFLOW_SECONDS = 10;

const BARRING: Record<string, string> = {
  local: 'internal calls only: every outgoing external call is barred',
  nat_local: 'national and internal calls; international calls are barred',
  int_nat_local: 'international, national and internal calls',
};

/** The number ladder, in the order a technician works through it. */
export function numberChecks(facts: NumberFacts): NumberCheck[] {
  const settings = (facts.cloudPbx.cloudpbx ?? {}) as CloudPbxTelephonySettings;
  const { subscriber } = facts;
  const because = subscriberMissing(facts);
  return [
    subscriberCheck(facts),
    subscriber === undefined ? skipped('devices', because) : devicesCheck(subscriber),
    ddiCheck(facts),
    forwardingCheck(facts, settings),
    subscriber === undefined ? skipped('overflow', because) : overflowCheck(subscriber, settings),
    subscriber === undefined ? skipped('cli', because) : cliCheck(subscriber, settings),
    subscriber === undefined ? skipped('barring', because) : barringCheck(subscriber, settings),
    subscriber === undefined ? skipped('pstn-forking', because) : pstnCheck(subscriber, settings),
    trunksCheck(facts, settings),
  ];
}

function subscriberMissing(facts: NumberFacts): string {
  return facts.askedDdi === undefined
    ? `${facts.asked} reaches no subscriber.`
    : `DDI ${facts.asked} reaches no subscriber.`;
}

function subscriberCheck(facts: NumberFacts): NumberCheck {
  const { subscriber, askedDdi } = facts;
  if (subscriber === undefined) {
    if (askedDdi !== undefined) {
      return check('subscriber', 'skipped', `${facts.asked} is a DDI that reaches no subscriber (see ddi).`);
    }
    return check('subscriber', 'fail', `This CloudPBX has no subscriber or DDI ${facts.asked}.`, {
      evidence: { number: facts.asked },
      fix: 'Check the number; list the subscribers with `fieldkit subscribers --system ID`.',
    });
  }
  const { listed } = subscriber;
  const who = [listed.firstName, listed.lastName].filter(Boolean).join(' ') || 'no user';
  const status = subscriber.details.ok ? (subscriber.details.value.status ?? null) : null;
  const evidence = {
    id: listed.id,
    shortNumber: listed.shortNumber,
    numberE164: listed.numberE164 ?? null,
    userId: listed.userId ?? null,
    status,
  };
  if (status !== null && status !== 'activated') {
    return check('subscriber', 'fail', `${listed.shortNumber} (${who}) is ${status}, not activated.`, {
      evidence,
      fix: 'Activate the subscriber in the Rainbow admin console.',
    });
  }
  return check('subscriber', 'ok', `${listed.shortNumber} is held by ${who}.`, { evidence });
}

function devicesCheck(subscriber: SubscriberFacts): NumberCheck {
  if (!subscriber.devices.ok) return cannotRun('devices', 'the devices', subscriber.devices.reason);
  const devices = subscriber.devices.value;
  if (devices.length === 0) {
    return check('devices', 'fail', 'No device is assigned: no desk phone or handset rings for it.', {
      evidence: { devices: 0 },
      fix: 'Assign a device to this number.',
      action: { kind: 'assign', label: 'Assign a device' },
    });
  }
  const registered = subscriber.registrations.ok
    ? new Set(subscriber.registrations.value.map((registration) => registration.deviceId))
    : undefined;
  const evidence = Object.fromEntries(
    devices.map((device) => [
      device.description,
      registered === undefined
        ? 'registration unknown'
        : registered.has(device.id)
          ? 'registered'
          : 'not registered',
    ]),
  );
  if (registered === undefined) {
    return check(
      'devices',
      'unknown',
      `${devices.length} device(s); their registrations could not be read.`,
      {
        evidence,
      },
    );
  }
  const count = devices.filter((device) => registered.has(device.id)).length;
  if (count === 0) {
    return check('devices', 'fail', `${devices.length} device(s) assigned, none registered.`, {
      evidence,
      fix: 'Diagnose the device (`fieldkit diagnose --device ID`) to see why it does not register.',
    });
  }
  return check('devices', 'ok', `${devices.length} device(s) assigned, ${count} registered.`, { evidence });
}

function ddiCheck(facts: NumberFacts): NumberCheck {
  if (!facts.ddis.ok) return cannotRun('ddi', 'the DDIs', facts.ddis.reason);
  const ddis = facts.ddis.value;
  const elsewhere = {
    'DDIs to users': ddis.filter((ddi) => ddi.userId !== null).length,
    'DDIs to groups': ddis.filter((ddi) => isToGroup(ddi)).length,
    'DDIs unassigned': ddis.filter((ddi) => ddi.userId === null && !isToGroup(ddi)).length,
  };
  const asked = facts.askedDdi;
  if (asked !== undefined && asked.userId === null) {
    const forwards = facts.groupForwards?.ok === true ? facts.groupForwards.value : undefined;
    const group = forwards?.name ?? asked.rvcpGroupId ?? null;
    const evidence = {
      numberE164: asked.numberE164,
      rvcpGroupId: asked.rvcpGroupId ?? null,
      group,
      ...Object.fromEntries(
        (forwards?.groupForwards ?? []).map((forward) => [
          `groupForwards.${forward.type}`,
          forward.activate
            ? `${forward.destinationType ?? 'on'} after ${forward.noReplyDelay ?? 0} s`
            : 'off',
        ]),
      ),
      ...elsewhere,
    };
    return isToGroup(asked)
      ? check('ddi', 'fail', `${asked.numberE164} reaches the group "${String(group)}", not a person.`, {
          evidence,
          fix: 'Calls ring the group’s members (and follow its forwards). To reach one person, give the DDI to that user in the Rainbow admin console.',
        })
      : check('ddi', 'fail', `${asked.numberE164} is assigned to nobody: calls to it go nowhere.`, {
          evidence,
          fix: 'Assign the DDI to a user or a group in the Rainbow admin console.',
        });
  }
  const userId = facts.subscriber?.listed.userId;
  const own = userId === undefined ? [] : ddis.filter((ddi) => ddi.userId === userId);
  if (own.length === 0) {
    return check('ddi', 'warn', 'No DDI reaches this number: it can be called only internally.', {
      evidence: { ddis: 0, ...elsewhere },
      fix: 'Give the user a DDI in the Rainbow admin console if it must be called from outside.',
    });
  }
  return check('ddi', 'ok', `Reached from ${own.map((ddi) => ddi.numberE164).join(', ')}.`, {
    evidence: { ddis: own.map((ddi) => ddi.numberE164).join(', '), ...elsewhere },
  });
}

function isToGroup(ddi: Ddi): boolean {
  return ddi.rvcpGroupId !== undefined && ddi.rvcpGroupId !== null;
}

function forwardingCheck(facts: NumberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  const external = settings.callForwardOptions?.externalCallForward ?? null;
  const summary =
    external === 'authorized'
      ? 'Forwards to external numbers are allowed on this CloudPBX.'
      : external === 'not_authorized'
        ? 'Forwards to external numbers are not allowed on this CloudPBX: a forward to a mobile will not work.'
        : 'The CloudPBX does not say whether forwards to external numbers are allowed.';
  return check('forwarding', external === null ? 'unknown' : 'ok', summary, {
    evidence: { 'callForwardOptions.externalCallForward': external, number: facts.asked },
  });
}

function overflowCheck(subscriber: SubscriberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  if (!subscriber.details.ok)
    return cannotRun('overflow', 'the subscriber’s overflow', subscriber.details.reason);
  const own = subscriber.details.value.overflowToVoicemail;
  const company = settings.overflowSubscribersToVoicemail;
  const value = own?.value ?? 'default';
  const active = value === 'custom' || (value === 'default' && company?.activate === true);
  const delay = (value === 'custom' ? own?.noReplyDelay : undefined) ?? company?.noReplyDelay ?? null;
  const evidence = {
    'overflowToVoicemail.value': value,
    'overflowToVoicemail.noReplyDelay': own?.noReplyDelay ?? null,
    'overflowSubscribersToVoicemail.activate': company?.activate ?? null,
    'overflowSubscribersToVoicemail.noReplyDelay': company?.noReplyDelay ?? null,
  };
  const whose = value === 'default' ? 'the CloudPBX default' : 'set on this subscriber';
  if (!active) return check('overflow', 'ok', `Calls do not overflow to voicemail (${whose}).`, { evidence });
  if (delay !== null && delay <= SHORT_OVERFLOW_SECONDS) {
    return check(
      'overflow',
      'warn',
      `Unanswered calls go to voicemail after ${delay} s (${whose}): about two rings.`,
      {
        evidence,
        fix: 'Raise the no-reply delay (20 s is the usual default) in the Rainbow admin console.',
      },
    );
  }
  return check('overflow', 'ok', `Unanswered calls go to voicemail after ${delay ?? '?'} s (${whose}).`, {
    evidence,
  });
}

function cliCheck(subscriber: SubscriberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  if (!subscriber.cliOptions.ok) return cannotRun('cli', 'the CLI options', subscriber.cliOptions.reason);
  const options = subscriber.cliOptions.value;
  const policy =
    options.policy === 'company_policy'
      ? (options.companyPolicy ?? settings.cliOptions?.policy ?? 'company_policy')
      : options.policy;
  const userNumber = options.numberE164 ?? subscriber.listed.numberE164 ?? null;
  const evidence = {
    policy: options.policy,
    companyPolicy: options.companyPolicy ?? settings.cliOptions?.policy ?? null,
    numberE164: userNumber,
    installationNumber: settings.installationNumber ?? null,
  };
  if (policy === 'installation_ddi_number') {
    return check(
      'cli',
      'ok',
      `Callees see the installation number ${settings.installationNumber ?? ''}.`.trim(),
      {
        evidence,
      },
    );
  }
  if (userNumber === null) {
    return check('cli', 'warn', 'Callees should see the user’s DDI, but the number has none.', {
      evidence,
      fix: 'Give the user a DDI, or set the CLI policy to the installation number.',
    });
  }
  return check('cli', 'ok', `Callees see ${userNumber}.`, { evidence });
}

function barringCheck(subscriber: SubscriberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  if (!subscriber.details.ok) return cannotRun('barring', 'the barring options', subscriber.details.reason);
  const own = subscriber.details.value.barringOptions;
  const company = settings.barringOptions;
  const permissions =
    own === undefined || own.permissions === 'default' ? company?.permissions : own.permissions;
  const evidence = {
    'barringOptions.permissions': own?.permissions ?? null,
    'barringOptions.restrictions': own?.restrictions ?? null,
    'cloudpbx.barringOptions.permissions': company?.permissions ?? null,
    'cloudpbx.barringOptions.restrictions': company?.restrictions ?? null,
  };
  if (permissions === undefined) {
    return check(
      'barring',
      'unknown',
      'Neither the subscriber nor the CloudPBX says what calls are allowed.',
      {
        evidence,
      },
    );
  }
  const meaning = BARRING[permissions] ?? permissions;
  if (permissions === 'local') {
    return check('barring', 'fail', `Allowed: ${meaning}.`, {
      evidence,
      fix: 'Raise the subscriber’s barring permissions (national or international) in the Rainbow admin console.',
    });
  }
  return check('barring', 'ok', `Allowed: ${meaning}.`, { evidence });
}

function pstnCheck(subscriber: SubscriberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  const system = settings.callForkingToPstnNumber ?? null;
  const options = subscriber.pstnDeviceOptions.ok ? subscriber.pstnDeviceOptions.value : undefined;
  const evidence = {
    callForkingToPstnNumber: system,
    'pstnDeviceOptions.policy': options?.policy ?? null,
    'pstnDeviceOptions.numberE164': options?.numberE164 ?? null,
  };
  if (system === null || system === 'not_available') {
    return check('pstn-forking', 'skipped', 'The CloudPBX’s trunk does not offer forking to a PSTN number.', {
      evidence,
    });
  }
  if (!subscriber.pstnDeviceOptions.ok) {
    return cannotRun('pstn-forking', 'the PSTN device options', subscriber.pstnDeviceOptions.reason);
  }
  const forksSomewhere = options !== undefined && options.policy !== 'none' && options.numberE164 !== null;
  if (system === 'not_activated' && forksSomewhere) {
    return check(
      'pstn-forking',
      'warn',
      `Calls should also ring ${options.numberE164 ?? ''}, but forking is not activated on the CloudPBX.`,
      {
        evidence,
        fix: 'Activate call forking to PSTN numbers on the CloudPBX, or clear the subscriber’s number.',
      },
    );
  }
  if (system === 'activated' && forksSomewhere) {
    return check('pstn-forking', 'ok', `Calls also ring ${options.numberE164 ?? ''}.`, { evidence });
  }
  return check('pstn-forking', 'ok', 'Calls ring no PSTN number in parallel.', { evidence });
}

function trunksCheck(facts: NumberFacts, settings: CloudPbxTelephonySettings): NumberCheck {
  if (!facts.trunks.ok) return cannotRun('trunks', 'the external trunks', facts.trunks.reason);
  const ddis = facts.ddis.ok ? facts.ddis.value : [];
  const userId = facts.subscriber?.listed.userId;
  const reaching = ddis.filter(
    (ddi) => ddi === facts.askedDdi || (userId !== undefined && ddi.userId === userId),
  );
  const ids = new Set(
    [settings.externalTrunkId, ...reaching.map((ddi) => ddi.externalTrunkId)].filter(
      (id): id is string => id !== undefined,
    ),
  );
  if (ids.size === 0) {
    return check('trunks', 'fail', 'The CloudPBX has no external trunk: no call leaves or enters it.', {
      evidence: { externalTrunkId: null },
      fix: 'Ask the business partner to link an external trunk to the CloudPBX.',
    });
  }
  const trunks = [...ids].map((id) => facts.trunks.ok && facts.trunks.value.find((trunk) => trunk.id === id));
  const evidence = Object.fromEntries(
    [...ids].map((id, index) => {
      const trunk = trunks[index];
      return [trunk ? trunk.name : id, trunk ? trunkState(trunk) : 'not visible to this account'];
    }),
  );
  const down = trunks.filter(
    (trunk): trunk is ExternalTrunk => trunk !== false && trunk !== undefined && !isTrunkInService(trunk),
  );
  if (down.length > 0) {
    return check(
      'trunks',
      'fail',
      `${down.map((trunk) => `"${trunk.name}"`).join(', ')} is not in service (${down.map(trunkState).join(', ')}): external calls through it fail.`,
      {
        evidence,
        fix: 'Ask the business partner to activate or unlock the trunk, or move the DDI to a trunk in service.',
      },
    );
  }
  return check('trunks', 'ok', `Every trunk this number uses is in service.`, { evidence });
}

function trunkState(trunk: ExternalTrunk): string {
  return `${trunk.status}${trunk.locked === true ? ', locked' : ''}`;
}
