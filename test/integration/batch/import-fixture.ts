import type { SimulatorTenant } from '../../../src-main/simulator';

/** What an import of new deskphones should leave on the CloudPBX: each MAC assigned to its subscriber. */
export interface GeneratedImport {
  csv: string;
  /** MAC (12 lowercase hex digits) → the phoneNumberId it must be assigned to. */
  wanted: Map<string, string>;
}

/**
 * `count` new subscribers (each held by a new user) on free numbers of the CloudPBX, and an import file that
 * creates one deskphone per subscriber and assigns it. `stem` keeps the MACs of several imports apart (0-255).
 */
export function generateImport(
  tenant: SimulatorTenant,
  systemId: string,
  count: number,
  stem: number,
): GeneratedImport {
  const numbers = tenant.freeShortNumbers(systemId, { limit: count });
  if (numbers.length < count) throw new RangeError(`only ${numbers.length} free numbers`);
  const digits = tenant.findCloudPbx(systemId)?.cloudpbx.numberingDigits ?? 5;
  const lines = ['mac,model,description,subscriber'];
  const wanted = new Map<string, string>();
  numbers.forEach((number, index) => {
    const shortNumber = String(number).padStart(digits, '0');
    const user = tenant.addUser({
      companyId: tenant.company.id,
      loginEmail: `import.${stem}.${index}@apply.fieldkit.invalid`,
      firstName: 'Import',
      lastName: `${stem}-${index}`,
      displayName: `Import ${stem}-${index}`,
      roles: ['user'],
    });
    const subscriber = tenant.addSubscriber({
      systemId,
      shortNumber,
      internalNumber: shortNumber,
      userId: user.id,
      deviceName: 'Cloud PBX subscriber',
    });
    const mac = (0x487a55e00000 + stem * 0x10000 + index).toString(16).padStart(12, '0');
    wanted.set(mac, subscriber.id);
    lines.push(`${mac.match(/../g)?.join(':') ?? mac},8028s,Desk ${stem}-${index},${shortNumber}`);
  });
  return { csv: `${lines.join('\n')}\n`, wanted };
}

/** Compares the CloudPBX with what the import wanted: the problems, none when it is exact. */
export function differences(
  tenant: SimulatorTenant,
  systemId: string,
  wanted: Map<string, string>,
): string[] {
  const devices = tenant.listDevices(systemId).filter((device) => wanted.has(device.macAddress ?? ''));
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const device of devices) {
    const mac = device.macAddress ?? '';
    seen.set(mac, (seen.get(mac) ?? 0) + 1);
    if (device.phoneNumberId !== wanted.get(mac)) {
      problems.push(
        `${mac} is assigned to ${device.phoneNumberId ?? 'nobody'}, not ${wanted.get(mac) ?? '?'}`,
      );
    }
  }
  for (const [mac, count] of seen) if (count > 1) problems.push(`${mac} exists ${count} times`);
  for (const mac of wanted.keys()) if (!seen.has(mac)) problems.push(`${mac} is missing`);
  return problems;
}
