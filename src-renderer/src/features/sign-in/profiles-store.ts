import { defineStore } from 'pinia';
import type { CallInput } from '@api/contract';
import type { ConnectionTestResult, ProfileSummary } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { createLoadable, fill } from '@renderer/api/loadable';

export type ProfileInput = CallInput<'profiles.save'>;

export const useProfilesStore = defineStore('profiles', () => {
  const api = useApi();
  const list = createLoadable<ProfileSummary[]>();

  const load = (): Promise<void> => fill(list, () => api.profiles.list({}));

  /** Throws `ApiError` (with field issues) so the form can show them; the list is updated on success. */
  async function save(input: ProfileInput): Promise<ProfileSummary> {
    const saved = await api.profiles.save(input);
    const others = (list.value ?? []).filter((profile) => profile.name !== saved.name);
    list.value = [...others, saved].sort((a, b) => a.name.localeCompare(b.name));
    return saved;
  }

  const test = (name: string): Promise<ConnectionTestResult> => api.profiles.test({ name });

  async function remove(name: string): Promise<void> {
    await api.profiles.remove({ name });
    list.value = (list.value ?? []).filter((profile) => profile.name !== name);
  }

  return { list, load, save, test, remove };
});
