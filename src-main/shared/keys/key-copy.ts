/**
 * "Make this phone like that one": what copying a layout would do to each module of the target. Pure; the
 * core applies it as one replace per module that changes.
 */
import { deviceGrids } from './key-layout';
import { draftOfKey, sameKey } from './key-drafts';
import { isLockedKey, moduleOf, type KeyDraft, type ProgrammableKey } from './key-types';
import { keyProblems, lockedKeyReason, type KeyTarget } from './validate-key';

export interface ImpossibleKey {
  key: ProgrammableKey;
  reason: string;
}

export interface ModuleCopyPlan {
  moduleId: number;
  /** Already on the target as on the source. */
  kept: KeyDraft[];
  /** Sent to the target (new, or replacing a different key at the same place). */
  added: KeyDraft[];
  /** Admin keys of the target that the copy removes. */
  removed: ProgrammableKey[];
  /** Source keys that cannot go on the target, and why. */
  impossible: ImpossibleKey[];
  /** What the module's replace sends: its admin keys after the copy. */
  final: KeyDraft[];
  /** Whether the module changes at all (a replace is sent only then). */
  changes: boolean;
}

export interface KeyCopyPlan {
  fromDeviceId: string;
  toDeviceId: string;
  modules: ModuleCopyPlan[];
  /** Source keys on modules the target does not have. */
  impossible: ImpossibleKey[];
  applied: boolean;
}

function planModule(
  moduleId: number,
  sourceKeys: readonly ProgrammableKey[],
  targetKeys: readonly ProgrammableKey[],
  target: KeyTarget,
): ModuleCopyPlan {
  const lockedOnTarget = targetKeys.filter(isLockedKey);
  const checkAgainst: KeyTarget = { ...target, existing: lockedOnTarget };
  const targetDrafts = targetKeys.filter((key) => !isLockedKey(key)).flatMap((key) => draftOfKey(key) ?? []);
  const plan: ModuleCopyPlan = {
    moduleId,
    kept: [],
    added: [],
    removed: [],
    impossible: [],
    final: [],
    changes: false,
  };
  for (const key of sourceKeys) {
    const draft = isLockedKey(key) ? undefined : draftOfKey(key);
    if (draft === undefined) {
      plan.impossible.push({ key, reason: lockedKeyReason(key) });
      continue;
    }
    const problems = keyProblems(draft, checkAgainst);
    if (problems.length > 0) {
      plan.impossible.push({ key, reason: problems.map((problem) => problem.message).join(' ') });
      continue;
    }
    const same = targetDrafts.some((existing) => sameKey(existing, draft));
    (same ? plan.kept : plan.added).push(draft);
    plan.final.push(draft);
  }
  plan.removed = targetKeys.filter((key) => {
    if (isLockedKey(key)) return false;
    const draft = draftOfKey(key);
    return draft === undefined || !plan.final.some((next) => sameKey(next, draft));
  });
  plan.changes = plan.added.length > 0 || plan.removed.length > 0;
  return plan;
}

/** The copy of `source`'s admin keys onto the target, module by module (`onlyModule` narrows it to one). */
export function planKeyCopy(
  source: { deviceId: string; keys: readonly ProgrammableKey[] },
  target: KeyTarget & { deviceId: string },
  onlyModule?: number,
): KeyCopyPlan {
  const grids = deviceGrids(target.modelInfo, target.modules).filter(
    (grid) => onlyModule === undefined || grid.moduleId === onlyModule,
  );
  const onModule = (keys: readonly ProgrammableKey[], moduleId: number) =>
    keys.filter((key) => moduleOf(key) === moduleId);
  const modules = grids.map((grid) =>
    planModule(
      grid.moduleId,
      onModule(source.keys, grid.moduleId),
      onModule(target.existing, grid.moduleId),
      target,
    ),
  );
  const covered = new Set(grids.map((grid) => grid.moduleId));
  const impossible = source.keys
    .filter(
      (key) => !covered.has(moduleOf(key)) && (onlyModule === undefined || moduleOf(key) === onlyModule),
    )
    .map((key) => ({ key, reason: `The target has no expansion module at position ${moduleOf(key)}.` }));
  return { fromDeviceId: source.deviceId, toDeviceId: target.deviceId, modules, impossible, applied: false };
}
