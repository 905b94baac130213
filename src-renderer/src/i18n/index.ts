import { watch } from 'vue';
import { createI18n } from 'vue-i18n';
import { en, fr, type MessageSchema } from '@renderer/i18n/messages';
import { pickLocale, readStoredLocale, storeLocale, type AppLocale } from './locale';

declare module 'vue-i18n' {
  // Makes `t('...')` keys type-checked against the English messages.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- vue-i18n's documented augmentation
  export interface DefineLocaleMessage extends MessageSchema {}
}

export function createAppI18n(locale: AppLocale) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, fr },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Picks the language from localStorage or the browser, and remembers every later switch. */
export function createBrowserI18n(): AppI18n {
  const i18n = createAppI18n(pickLocale(readStoredLocale(localStorage), navigator.languages));
  watch(
    i18n.global.locale,
    (locale) => {
      document.documentElement.lang = locale;
      storeLocale(localStorage, locale);
    },
    { immediate: false },
  );
  document.documentElement.lang = i18n.global.locale.value;
  return i18n;
}
