import type { Check } from '../../shared/check-ladder';
import { formatMac } from '../../shared/identifiers';
import type { Device } from '../rainbow/types';
import { cannotRun, check, skipped } from './check-builders';
import type { DeviceFacts } from './device-facts';
import { isPublicAddress, readRegistration, type RegistrationReading } from './registration-reading';
import type { DeviceFixKind } from './types';

type DeviceCheck = Check<DeviceFixKind>;

/** A registration ending sooner than this has missed its refresh (phones refresh at half their expiry). */
const EXPIRY_WARNING_MS = 60_000;

/** The checks of the device ladder, in the order a technician works through them. */
export const DEVICE_CHECK_IDS = [
  'declared',
  'model',
  'assigned',
  'banned',
  'registered',
  'registration-health',
  'nat',
  'debug-session',
] as const;

/** The device ladder, in the order a technician works through it. */
export function deviceChecks(facts: DeviceFacts): DeviceCheck[] {
  const { device } = facts;
  if (device === undefined) {
    const because = 'The device is not declared on this CloudPBX.';
    return [
      declaredCheck(facts),
      ...DEVICE_CHECK_IDS.slice(1).map((id) => skipped<DeviceFixKind>(id, because)),
    ];
  }
  const readings = facts.registrations?.ok === true ? facts.registrations.value.map(readRegistration) : [];
  return [
    declaredCheck(facts),
    modelCheck(device, facts),
    assignedCheck(device),
    bannedCheck(device),
    registeredCheck(device, facts, readings),
    healthCheck(readings, facts.now),
    natCheck(readings),
    debugCheck(device),
  ];
}

function isHandset(device: Device): boolean {
  return device.ipei !== undefined && device.macAddress === undefined;
}

function identifierEvidence(device: Device): Record<string, string> {
  return device.macAddress !== undefined
    ? { macAddress: formatMac(device.macAddress, 'upper') }
    : { ipei: (device.ipei ?? '').toUpperCase() };
}

function declaredCheck(facts: DeviceFacts): DeviceCheck {
  const { device, asked } = facts;
  if (device !== undefined) {
    return check('declared', 'ok', `Declared on this CloudPBX as "${device.description}".`, {
      evidence: { id: device.id, description: device.description, ...identifierEvidence(device) },
    });
  }
  if (asked.by === 'device') {
    return check('declared', 'fail', `This CloudPBX has no device ${asked.deviceId}.`, {
      evidence: { systemId: facts.systemId, deviceId: asked.deviceId },
      fix: 'Check the CloudPBX and the device id, or diagnose the phone by its MAC or IPEI.',
    });
  }
  const name = asked.by === 'mac' ? 'MAC address' : 'IPEI';
  const shown = asked.by === 'mac' ? formatMac(asked.identifier, 'upper') : asked.identifier.toUpperCase();
  const elsewhere = facts.elsewhere;
  const evidence = { systemId: facts.systemId, [asked.by === 'mac' ? 'macAddress' : 'ipei']: shown };
  if (elsewhere?.ok === false) {
    return check('declared', 'fail', `No device with ${name} ${shown} on this CloudPBX.`, {
      evidence: { ...evidence, otherCloudPbxs: `not checked: ${elsewhere.reason}` },
      fix: 'Register the phone on this CloudPBX.',
      action: { kind: 'register', label: 'Register it here' },
    });
  }
  const holders = elsewhere?.value ?? [];
  const other = holders[0];
  if (other !== undefined) {
    return check(
      'declared',
      'fail',
      `No device with ${name} ${shown} on this CloudPBX, but "${other.systemName}" has it.`,
      {
        evidence: {
          ...evidence,
          otherCloudPbx: other.systemName,
          otherSystemId: other.systemId,
          otherDeviceId: other.deviceId,
        },
        fix: `The phone is declared on "${other.systemName}": diagnose it there, or delete it there before registering it on this CloudPBX (a ${name} belongs to one CloudPBX).`,
      },
    );
  }
  return check('declared', 'fail', `No CloudPBX of the account has a device with ${name} ${shown}.`, {
    evidence: { ...evidence, otherCloudPbxs: 'none has it' },
    fix: 'Register the phone on this CloudPBX.',
    action: { kind: 'register', label: 'Register it here' },
  });
}

/** `ALE-8028s`, `8028S`, `ale 8028s` all read as `8028s`. */
function modelKey(model: string): string {
  return model
    .toLowerCase()
    .replace(/[\s_-]+/g, '')
    .replace(/^ale/, '');
}

function modelCheck(device: Device, facts: DeviceFacts): DeviceCheck {
  const declared = device.deviceType.model;
  if (isHandset(device)) return skipped('model', 'A DECT handset is not on the LAN; its base is.');
  const { sighting } = facts;
  if (sighting === undefined) {
    return check('model', 'skipped', 'No LAN discovery this session: the phone’s own model is not known.', {
      evidence: { 'deviceType.model': declared },
      fix: 'Run a discovery on the phone’s LAN, then diagnose again to compare the models.',
    });
  }
  if (sighting === null) {
    return check('model', 'skipped', 'The latest LAN discovery did not see this phone.', {
      evidence: { 'deviceType.model': declared },
      fix: 'Check that the phone is powered and plugged into the LAN that was scanned.',
    });
  }
  const evidence = { 'deviceType.model': declared, 'lan.model': sighting.model, 'lan.ip': sighting.ip };
  if (sighting.model === null) {
    return check('model', 'skipped', 'The phone answered on the LAN without saying its model.', { evidence });
  }
  if (modelKey(sighting.model) === modelKey(declared)) {
    return check('model', 'ok', `Declared as ${declared}; the phone on the LAN says ${sighting.model}.`, {
      evidence,
    });
  }
  return check('model', 'fail', `Declared as ${declared}, but the phone on the LAN is a ${sighting.model}.`, {
    evidence,
    fix: `The CloudPBX sends a ${declared} configuration the phone cannot use, and a device's model cannot be changed. Either swap in a ${declared} phone (Swap), or keep this phone: unassign and delete the device, then register its MAC again as a ${sighting.model} and assign it to ${device.shortNumber ?? 'its subscriber'} again.`,
    action: { kind: 'swap', label: 'Swap the phone' },
  });
}

function assignedCheck(device: Device): DeviceCheck {
  if (device.phoneNumberId !== undefined) {
    const who = [device.shortNumber, device.userDisplayName].filter(Boolean).join(' ');
    return check('assigned', 'ok', `Assigned to ${who || device.phoneNumberId}.`, {
      evidence: {
        phoneNumberId: device.phoneNumberId,
        shortNumber: device.shortNumber ?? null,
        userDisplayName: device.userDisplayName ?? null,
      },
    });
  }
  return check('assigned', 'fail', 'Assigned to no subscriber: the phone has no line to register.', {
    evidence: { phoneNumberId: null },
    fix: 'Assign the device to a subscriber (an internal number).',
    action: { kind: 'assign', label: 'Assign to a subscriber' },
  });
}

function bannedCheck(device: Device): DeviceCheck {
  const ban = device.bannedDevice;
  if (ban === undefined) return check('banned', 'ok', 'Not banned.', { evidence: { bannedDevice: null } });
  return check(
    'banned',
    'fail',
    `Banned after ${ban.failCount} failed SIP authentications: the CloudPBX ignores its REGISTER.`,
    {
      evidence: {
        'bannedDevice.banId': ban.banId,
        'bannedDevice.failCount': ban.failCount,
        'bannedDevice.lastAttempt': ban.lastAttempt,
      },
      fix: `A ban means the CloudPBX saw ${ban.failCount} REGISTERs for ${ban.banId} with a wrong SIP password (the last at ${ban.lastAttempt}) and now refuses that line's registrations, so the phone cannot register. The provisioning API has no call to lift a ban: remove its cause. Reboot the phone so it fetches its configuration and SIP password again, and look for another phone or softphone still using this line with an old password; once the line authenticates, the ban no longer applies (if it stays, the Rainbow support clears it).`,
      ...(isHandset(device) ? {} : { action: { kind: 'reboot' as const, label: 'Reboot the phone' } }),
    },
  );
}

function registeredCheck(
  device: Device,
  facts: DeviceFacts,
  readings: readonly RegistrationReading[],
): DeviceCheck {
  if (device.phoneNumberId === undefined) return skipped('registered', 'Not assigned: there is no line.');
  const read = facts.registrations;
  if (read === undefined || !read.ok) {
    return cannotRun('registered', 'the SIP registrations', read?.ok === false ? read.reason : 'not read');
  }
  const [first] = readings;
  if (first === undefined) {
    return check('registered', 'fail', 'Not registered: the CloudPBX has no SIP registration for it.', {
      evidence: { registrations: 0 },
      fix: isHandset(device)
        ? 'Check that the handset is on, in range of its base, and subscribed to it.'
        : 'Check that the phone is powered and on the network, and reaches the Internet; reboot it to register again.',
      ...(isHandset(device) ? {} : { action: { kind: 'reboot' as const, label: 'Reboot the phone' } }),
    });
  }
  const { registration } = first;
  const since = first.since === undefined ? null : new Date(first.since).toISOString();
  return check('registered', 'ok', `Registered${since === null ? '' : ` since ${since}`}.`, {
    evidence: {
      fullSipURI: registration.fullSipURI,
      transport: first.transport ?? null,
      user_agent: registration.user_agent ?? null,
      softwareVersion: registration.softwareVersion ?? null,
      expirationDate: registration.expirationDate,
      since,
    },
  });
}

function healthCheck(readings: readonly RegistrationReading[], now: number): DeviceCheck {
  if (readings.length === 0) return skipped('registration-health', 'Not registered.');
  const expiresAt = Math.min(...readings.map((reading) => reading.expiresAt ?? Number.POSITIVE_INFINITY));
  const lifetime = registrationLifetime(readings, now);
  const evidence = {
    registrations: readings.length,
    expirationDate: readings.map((reading) => reading.registration.expirationDate).join(', '),
    registrationLifetime: lifetime.evidence,
  };
  const problems: string[] = [];
  if (readings.length > 1) {
    problems.push(
      `${readings.length} contacts are registered for this device: two phones share its line, or old ones linger.`,
    );
  }
  if (expiresAt - now < EXPIRY_WARNING_MS) {
    problems.push('The registration expires within a minute: the phone is not refreshing it in time.');
  }
  if (problems.length > 0) {
    return check('registration-health', 'warn', problems.join(' '), {
      evidence,
      fix: 'Look for a second phone with the same configuration, and for a firewall or NAT dropping the phone’s SIP traffic; rebooting re-registers it.',
      action: { kind: 'reboot', label: 'Reboot the phone' },
    });
  }
  if (lifetime.often) {
    return check(
      'registration-health',
      'warn',
      `Re-registering often: each registration lasts ${lifetime.evidence}, so the phone sends a REGISTER every minute or two.`,
      {
        evidence,
        fix: 'Phones shorten their registration (or a NAT gives them a new port each time) when a router or firewall closes idle UDP bindings within minutes. Raise the router’s UDP timeout for SIP or have the phone use SIP over TLS; if an expiry was typed in the phone’s admin page, restore the CloudPBX’s default.',
      },
    );
  }
  const unknown = lifetime.often === undefined ? '; how often it re-registers cannot be told' : '';
  return check('registration-health', 'ok', `One contact, refreshed in time${unknown}.`, { evidence });
}

/** A registration lasting this long or less is refreshed every couple of minutes or more often. */
const SHORT_REGISTRATION_MS = 300_000;

/**
 * How long the phone's registrations last, bounded from one read (the API gives no interval): a binding made at
 * `since` and expiring at `expiresAt` lasts at most that long, and one still valid for longer than the threshold
 * lasts at least that long (a refresh never outlives the expiry the phone asked for). Neither bound decides:
 * unknown, rather than a guess.
 */
function registrationLifetime(
  readings: readonly RegistrationReading[],
  now: number,
): { often: boolean | undefined; evidence: string } {
  const atMost = readings.flatMap(({ since, expiresAt }) =>
    since === undefined || expiresAt === undefined ? [] : [expiresAt - since],
  );
  const shortest = Math.min(...atMost);
  if (shortest <= SHORT_REGISTRATION_MS) return { often: true, evidence: `${seconds(shortest)} or less` };
  const remaining = Math.min(...readings.map(({ expiresAt }) => (expiresAt ?? now) - now));
  if (remaining > SHORT_REGISTRATION_MS) return { often: false, evidence: `${seconds(remaining)} or more` };
  return {
    often: undefined,
    evidence: 'unknown: neither the binding time nor the time left bounds it',
  };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

function natCheck(readings: readonly RegistrationReading[]): DeviceCheck {
  const [first] = readings;
  if (first === undefined) return skipped('nat', 'Not registered.');
  const { contact, source, transport } = first;
  const evidence = {
    fullSipURI: first.registration.fullSipURI,
    publicSourceRegistration: first.registration.publicSourceRegistration ?? null,
    transport: transport ?? null,
  };
  if (contact === undefined || source === undefined) {
    return check('nat', 'skipped', 'The CloudPBX did not give both the contact and the source address.', {
      evidence,
    });
  }
  const contactIsPublic = isPublicAddress(contact);
  if (contactIsPublic === true && transport === 'UDP' && contact.host === source.host) {
    return check(
      'nat',
      'fail',
      `The contact was rewritten to the public address ${contact.host} over UDP: a router's SIP ALG is meddling.`,
      {
        evidence,
        fix: 'Turn off the SIP ALG (SIP helper, SIP passthrough) on the site router or firewall, then reboot the phone. SIP over TLS cannot be rewritten.',
      },
    );
  }
  if (contactIsPublic === false) {
    return check('nat', 'ok', `Behind NAT: LAN address ${contact.host}, seen from ${source.host}.`, {
      evidence,
    });
  }
  return check('nat', 'ok', `Registers from ${source.host} with its contact untouched.`, { evidence });
}

function debugCheck(device: Device): DeviceCheck {
  if (isHandset(device)) return skipped('debug-session', 'DECT handsets have no debug session.');
  if (device.adminUrl !== undefined && device.adminUrl !== '') {
    return check('debug-session', 'ok', 'A debug session is open: the phone’s admin page is reachable.', {
      evidence: { adminUrl: device.adminUrl },
    });
  }
  return check('debug-session', 'ok', 'No debug session is open.', {
    evidence: { adminUrl: null },
    fix: 'Grant one to open the phone’s admin page (logs, network settings).',
    action: { kind: 'grant-debug', label: 'Grant a debug session' },
  });
}
