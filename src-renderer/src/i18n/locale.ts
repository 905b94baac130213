export const appLocales = ['en', 'fr'] as const;
export type AppLocale = (typeof appLocales)[number];

export const localeStorageKey = 'fieldkit.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (appLocales as readonly string[]).includes(value);
}

/** The remembered choice first, then the first browser language we speak (`fr-CA` → fr), else English. */
export function pickLocale(stored: string | null, browserLanguages: readonly string[]): AppLocale {
  if (isAppLocale(stored)) return stored;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (isAppLocale(primary)) return primary;
  }
  return 'en';
}

/** localStorage can throw (disabled storage, opaque origins): the choice is then simply not remembered. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    return storage.getItem(localeStorageKey);
  } catch {
    return null;
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'>, locale: AppLocale): void {
  try {
    storage.setItem(localeStorageKey, locale);
  } catch (error) {
    console.warn('[i18n] the language choice could not be remembered:', error);
  }
}
