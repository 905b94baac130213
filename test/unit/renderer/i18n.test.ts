// @vitest-environment happy-dom
import { nextTick } from 'vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en, fr } from '@renderer/i18n/messages';
import { createAppI18n, createBrowserI18n } from '@renderer/i18n';
import { localeStorageKey, pickLocale, readStoredLocale } from '@renderer/i18n/locale';

function leafKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value as object, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has the same keys in English and French', () => {
    expect(leafKeys(fr).sort()).toEqual(leafKeys(en).sort());
  });

  it.each(['en', 'fr'] as const)('compiles every %s message without a warning or an error', (locale) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const i18n = createAppI18n(locale);
    const t = i18n.global.t as (key: string, named: Record<string, unknown>) => string;
    const params = { n: 3, count: 3, name: 'N', user: 'U', login: 'L', host: 'H', hint: 'X', query: 'Q' };
    const params2 = { prefix: '8', digits: 5, type: 'EM_20', keys: 20, profile: 'P' };
    for (const key of leafKeys(en)) {
      const text = t(key, { ...params, ...params2 });
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/[{}]/);
    }
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('renders a literal @ where the message escapes it', () => {
    const i18n = createAppI18n('en');
    expect(i18n.global.t('profileForm.login.placeholder')).toBe('technician@company.com');
  });

  it('uses plural forms for counts', () => {
    const { t } = createAppI18n('fr').global;
    expect(t('systems.count', 0)).toBe('Aucun CloudPBX');
    expect(t('systems.count', 1)).toBe('Un CloudPBX');
    expect(t('systems.count', 4)).toBe('4 CloudPBX');
  });
});

describe('pickLocale', () => {
  it('prefers the remembered choice', () => {
    expect(pickLocale('fr', ['en-US'])).toBe('fr');
  });

  it('ignores a remembered value that is not a supported locale', () => {
    expect(pickLocale('de', ['fr-CA'])).toBe('fr');
  });

  it('takes the first browser language it supports', () => {
    expect(pickLocale(null, ['de-DE', 'fr-BE', 'en'])).toBe('fr');
  });

  it('falls back to English', () => {
    expect(pickLocale(null, ['ja', 'de'])).toBe('en');
  });

  it('reads nothing when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readStoredLocale(storage)).toBeNull();
  });

  it('reads the remembered value under its key', () => {
    const storage = { getItem: (key: string) => (key === localeStorageKey ? 'fr' : null) };
    expect(readStoredLocale(storage)).toBe('fr');
  });
});

describe('createBrowserI18n', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('starts in the remembered language and remembers a switch', async () => {
    localStorage.setItem(localeStorageKey, 'fr');
    const i18n = createBrowserI18n();
    expect(i18n.global.locale.value).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(localStorage.getItem(localeStorageKey)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the browser language when nothing is remembered', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'en']);
    expect(createBrowserI18n().global.locale.value).toBe('fr');
  });
});
