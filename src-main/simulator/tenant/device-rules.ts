import type { ExpansionModule } from '../../services/rainbow/types';
import type { CloudPbxRecord, DeviceModelRecord, DeviceRecord } from './records';
import { TenantError } from './tenant-error';

/**
 * What identifies a device depends on its model: a deskphone needs a MAC, a DECT handset an IPEI, a Generic
 * SIP device may have a MAC ("optional for Generic SIP device", reference) and never an IPEI.
 */
export function checkIdentifiersFitModel(
  model: DeviceModelRecord,
  identifiers: Pick<DeviceRecord, 'macAddress' | 'ipei'>,
): void {
  const { macAddress, ipei } = identifiers;
  const refuse = (why: string): never => {
    throw new TenantError('identifier-mismatch', `A ${model.model} device ${why}`);
  };
  if (model.category === 'dectmobile') {
    if (macAddress !== undefined) refuse('is identified by its IPEI, not by a MAC address');
    if (ipei === undefined) refuse('needs an IPEI');
    return;
  }
  if (ipei !== undefined) refuse('is identified by a MAC address, not by an IPEI');
  if (model.category === 'deskphone' && macAddress === undefined) refuse('needs a MAC address');
}

export function checkModuleFits(
  model: DeviceModelRecord,
  installed: readonly ExpansionModule[],
  module: ExpansionModule,
): void {
  if (!(model.supportedModules ?? []).some((supported) => supported.type === module.type)) {
    throw new TenantError(
      'module-not-supported',
      `The ${model.model} model does not support ${module.type} expansion modules`,
    );
  }
  if (installed.some((existing) => existing.moduleId === module.moduleId)) {
    throw new TenantError(
      'module-position-taken',
      `The device already has an expansion module at position ${module.moduleId}`,
    );
  }
}

export function checkDeskphone(model: DeviceModelRecord, deviceId: string): void {
  if (model.category !== 'deskphone') {
    throw new TenantError(
      'not-a-deskphone',
      `Device ${deviceId} is a ${model.model}: only SIP deskphones can be rebooted, reset or debugged`,
    );
  }
}

/** Digits only, the plan's length, and one of its prefixes. */
export function checkNumberingPlan(cloudPbx: CloudPbxRecord, shortNumber: string): void {
  const { numberingDigits, numberingPrefix, numberingPrefixes } = cloudPbx.cloudpbx;
  const prefixes = Array.isArray(numberingPrefixes) ? numberingPrefixes.map(String) : [numberingPrefix];
  if (
    !/^\d+$/.test(shortNumber) ||
    shortNumber.length !== numberingDigits ||
    !prefixes.some((prefix) => shortNumber.startsWith(prefix))
  ) {
    throw new TenantError(
      'outside-numbering-plan',
      `Short number ${shortNumber} is outside the numbering plan of CloudPBX ${cloudPbx.id}: ` +
        `${numberingDigits} digits starting with ${prefixes.join(' or ')}`,
    );
  }
}
