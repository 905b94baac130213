// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '@api/types';
import { createAppI18n } from '@renderer/i18n';
import { describeError } from '@renderer/i18n/describe-error';

const translate = (locale: 'en' | 'fr') => {
  const { t } = createAppI18n(locale).global;
  return (key: Parameters<typeof t>[0]): string => t(key);
};

describe('describeError', () => {
  it.each<[ErrorCode, string, string]>([
    ['auth-failed', 'Wrong login or password.', 'Identifiant ou mot de passe incorrect.'],
    [
      'app-auth-failed',
      'The application id or secret was not accepted.',
      'L’identifiant ou le secret d’application n’a pas été accepté.',
    ],
    ['unreachable', 'The host could not be reached.', 'L’hôte est injoignable.'],
    [
      'tls',
      'The server certificate could not be verified.',
      'Le certificat du serveur n’a pas pu être vérifié.',
    ],
    [
      'keychain-unavailable',
      'The system keychain is not available.',
      'Le trousseau du système n’est pas disponible.',
    ],
    [
      'insecure-host',
      'This host is refused: passwords only travel over https.',
      'Cet hôte est refusé : les mots de passe ne circulent qu’en https.',
    ],
    ['profile-not-found', 'This profile does not exist any more.', 'Ce profil n’existe plus.'],
    ['timeout', 'The server took too long to answer.', 'Le serveur a mis trop de temps à répondre.'],
    [
      'rate-limited',
      'Too many requests: the server asks to wait before trying again.',
      'Trop de requêtes : le serveur demande d’attendre avant de réessayer.',
    ],
    ['server-error', 'The server ran into an error.', 'Le serveur a rencontré une erreur.'],
    [
      'outcome-unknown',
      'The answer was lost: whether the change was made is unknown, so it was not sent again.',
      'La réponse a été perdue : on ne sait pas si la modification a été faite, elle n’a donc pas été renvoyée.',
    ],
    [
      'redirected',
      'The server redirected the request elsewhere; Fieldkit never follows redirects.',
      'Le serveur a redirigé la requête ailleurs ; Fieldkit ne suit jamais les redirections.',
    ],
  ])('gives %s its own message in English and French', (code, english, french) => {
    const error = { code, message: 'core says so' };
    expect(describeError(translate('en'), error).summary).toBe(english);
    expect(describeError(translate('fr'), error).summary).toBe(french);
  });

  it('keeps the core message as detail and passes the hint on', () => {
    const description = describeError(translate('en'), {
      code: 'unreachable',
      message: 'openrainbow.com is not answering.',
      hint: 'Check the network.',
    });
    expect(description).toEqual({
      summary: 'The host could not be reached.',
      detail: 'openrainbow.com is not answering.',
      hint: 'Check the network.',
    });
  });

  it('shows how to check an unknown outcome, as the core says it', () => {
    const description = describeError(translate('fr'), {
      code: 'outcome-unknown',
      message: 'Rainbow answered 504 to POST /reboot; whether the change was made is unknown.',
      hint: 'Watch the SIP registrations.',
    });
    expect(description.detail).toContain('504');
    expect(description.hint).toBe('Watch the SIP registrations.');
  });

  it('falls back to the core message for codes without a translation', () => {
    const description = describeError(translate('fr'), { code: 'conflict', message: 'MAC already used.' });
    expect(description).toEqual({ summary: 'MAC already used.' });
  });
});
