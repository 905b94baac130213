import type { KeyProblem } from '@shared/keys';

type Translate = (key: string, params: Record<string, unknown>) => string;

/**
 * A refusal of the shared key validator in the screen's language, the key type named as the screen names it
 * (in lower case: it sits inside a sentence).
 */
export function keyProblemText(t: Translate, problem: Pick<KeyProblem, 'code' | 'params'>): string {
  const { type } = problem.params;
  const params =
    type === undefined
      ? problem.params
      : { ...problem.params, type: t(`keys.types.${type}`, {}).toLocaleLowerCase() };
  return t(`keys.problems.${problem.code}`, params);
}
