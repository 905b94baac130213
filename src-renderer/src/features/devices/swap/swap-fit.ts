import type { Device, IdentifierCheck } from '@api/types';

export type SwapFit =
  | { ok: true; kind: IdentifierCheck['kind']; model: string }
  | { ok: false; reason: 'same' }
  | { ok: false; reason: 'kind'; old: IdentifierCheck['kind']; new: IdentifierCheck['kind'] }
  | { ok: false; reason: 'in-use'; holder: string }
  | { ok: false; reason: 'model'; model: string; kind: IdentifierCheck['kind'] };

/**
 * Whether the phone read as `check` can replace `old` in a swap: a swap keeps the device record, so the new
 * phone must be the same kind, a different identifier, not already on the CloudPBX, and fit the old model.
 * The core checks all of it again when the swap starts.
 */
export function swapFit(
  old: Pick<Device, 'macAddress' | 'ipei' | 'deviceType'>,
  check: IdentifierCheck,
): SwapFit {
  const oldKind = old.macAddress ? 'mac' : old.ipei ? 'ipei' : undefined;
  const oldValue = (old.macAddress ?? old.ipei ?? '').toLowerCase();
  if (oldKind !== undefined && oldKind !== check.kind)
    return { ok: false, reason: 'kind', old: oldKind, new: check.kind };
  if (check.value === oldValue) return { ok: false, reason: 'same' };
  if (check.existing) {
    const holder = [check.existing.description, check.existing.shortNumber].filter(Boolean).join(' · ');
    return { ok: false, reason: 'in-use', holder };
  }
  if (!check.compatibleModels.some((model) => model.id === old.deviceType.id))
    return { ok: false, reason: 'model', model: old.deviceType.model, kind: check.kind };
  return { ok: true, kind: check.kind, model: old.deviceType.model };
}
