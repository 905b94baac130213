import type { DeviceModel, IdentifierCheck } from '@api/types';
import { MAX_DEVICE_DESCRIPTION } from '@shared/limits';
import type { CheckState } from '@renderer/ui/latest-check';

export type RegisterField = 'identifier' | 'deviceTypeId' | 'description' | 'phoneNumberId';

export type RuleKey =
  | 'identifierRequired'
  | 'identifierChecking'
  | 'identifierDuplicate'
  | 'modelRequired'
  | 'descriptionTooLong';

/** Why a field is refused: one of our rules, or the core's own sentence (identifier syntax, model rules). */
export type Problem =
  | { rule: RuleKey }
  | { rule: 'modelIncompatible'; model: string; kind: IdentifierCheck['kind'] }
  | { rule: 'core'; message: string };

export type Problems = Partial<Record<RegisterField, Problem>>;

export interface RegisterDraft {
  check: CheckState<IdentifierCheck>;
  deviceTypeId: number | undefined;
  description: string;
  /** Every model of the CloudPBX, to name the chosen one. */
  models: readonly Pick<DeviceModel, 'id' | 'model'>[];
}

/** What stops this draft from being registered; empty when it can go. */
export function registerProblems(draft: RegisterDraft): Problems {
  const problems: Problems = {};
  const { check } = draft;
  if (check.text === '') problems.identifier = { rule: 'identifierRequired' };
  else if (check.status === 'invalid') Object.assign(problems, checkFailure(check));
  else if (check.status !== 'valid') problems.identifier = { rule: 'identifierChecking' };
  else if (check.result?.existing) problems.identifier = { rule: 'identifierDuplicate' };

  if (draft.deviceTypeId === undefined) problems.deviceTypeId = { rule: 'modelRequired' };
  else if (check.status === 'valid' && check.result) {
    const fits = check.result.compatibleModels.some((model) => model.id === draft.deviceTypeId);
    if (!fits) {
      problems.deviceTypeId = {
        rule: 'modelIncompatible',
        model:
          draft.models.find((model) => model.id === draft.deviceTypeId)?.model ?? String(draft.deviceTypeId),
        kind: check.result.kind,
      };
    }
  }
  if (draft.description.trim().length > MAX_DEVICE_DESCRIPTION)
    problems.description = { rule: 'descriptionTooLong' };
  return problems;
}

const FIELDS: readonly string[] = ['identifier', 'deviceTypeId', 'description', 'phoneNumberId'];

/** A failed check's issues on the fields they name; anything else (a syntax error without issues) on the identifier. */
function checkFailure(check: CheckState<IdentifierCheck>): Problems {
  const problems: Problems = {};
  for (const issue of check.error?.issues ?? []) {
    if (FIELDS.includes(issue.field))
      problems[issue.field as RegisterField] ??= { rule: 'core', message: issue.message };
  }
  if (Object.keys(problems).length === 0)
    problems.identifier = { rule: 'core', message: check.error?.message ?? '' };
  return problems;
}

/**
 * The model to select once an identifier is read: the chosen one if it fits, else the only model that fits,
 * else none (the technician picks; a wrong guess would register a deskphone as the wrong model).
 */
export function pickModel(
  current: number | undefined,
  compatible: readonly Pick<DeviceModel, 'id'>[],
): number | undefined {
  if (current !== undefined && compatible.some((model) => model.id === current)) return current;
  return compatible.length === 1 ? compatible[0]?.id : current;
}
