import { inject, type InjectionKey } from 'vue';
import type { Api } from '@api/contract';

/** The Api is provided by main.ts, so stores and components can be mounted against a fake one in unit tests. */
export const apiKey: InjectionKey<Api> = Symbol('fieldkit-api');

export function useApi(): Api {
  const api = inject(apiKey);
  if (!api) throw new Error('No Api provided: call app.provide(apiKey, api) before using the stores.');
  return api;
}
