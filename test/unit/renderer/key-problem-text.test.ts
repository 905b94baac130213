import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@renderer/i18n';
import { keyProblemText } from '@renderer/features/keys/key-problem-text';
import { keyProblems, lockedKeyProblem, type KeyTarget } from '@shared/keys';

const target: KeyTarget = {
  modelName: '8018',
  modelInfo: { programmableKeys: 6, can_speeddial: true, can_monitor: true, can_forward: false },
  modules: [],
  existing: [],
  subscriberIsUser: (id) => (id === 'user' ? true : id === 'group' ? false : undefined),
};

/** One refusal of each kind the validator gives for the 8018 above. */
const refusals = [
  keyProblems({ keyNum: 1, moduleId: 0, keyType: 'forward', number: '+336' }, target),
  keyProblems({ keyNum: 7, moduleId: 0, keyType: 'speeddial', number: '+336', displayName: 'X' }, target),
  keyProblems({ keyNum: 1, moduleId: 2, keyType: 'speeddial', number: '+336', displayName: 'X' }, target),
  keyProblems({ keyNum: 1, moduleId: 0, keyType: 'speeddial', number: '+336' }, target),
  keyProblems({ keyNum: 1, moduleId: 0, keyType: 'monitor', phoneNumberId: 'group' }, target),
  keyProblems({ keyNum: 1, moduleId: 0, keyType: 'monitor', phoneNumberId: 'nobody' }, target),
  [lockedKeyProblem({ keyNum: 3, keyOwner: 'service' })],
  [lockedKeyProblem({ keyNum: 4, keyOwner: 'system' })],
].flat();

function translator(locale: 'en' | 'fr') {
  return createAppI18n(locale).global.t as (key: string, params: Record<string, unknown>) => string;
}

describe('key validator messages in the screen’s language', () => {
  it('says in English exactly what the CLI says', () => {
    const t = translator('en');
    expect(refusals).toHaveLength(8);
    for (const problem of refusals) expect(keyProblemText(t, problem)).toBe(problem.message);
  });

  it('says it in French, the key type named in French', () => {
    const t = translator('fr');
    const [type, range, , label] = refusals;
    expect(type && keyProblemText(t, type)).toBe('Le 8018 n’a pas de touches « renvoi ».');
    expect(range && keyProblemText(t, range)).toBe('Le 8018 a les touches 1 à 6 ; 7 n’en fait pas partie.');
    expect(label && keyProblemText(t, label)).toBe('Une numérotation abrégée externe a besoin d’un libellé.');
    for (const problem of refusals) expect(keyProblemText(t, problem)).not.toBe(problem.message);
  });
});
