import { watch } from 'vue';
import { defineStore } from 'pinia';
import type { AuditEntry, AuditExport, AuditFilter } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { createLoadable, fill, reset } from '@renderer/api/loadable';

/** The activity log: every change made through Fieldkit, newest first as the core answers it. */
export const useAuditStore = defineStore('audit', () => {
  const api = useApi();
  const session = useSessionStore();
  const entries = createLoadable<AuditEntry[]>();

  const load = (filter: AuditFilter): Promise<void> => fill(entries, () => api.audit.list(filter));
  const exportCsv = (filter: AuditFilter): Promise<AuditExport> => api.audit.exportCsv(filter);

  watch(
    () => session.identity,
    () => reset(entries),
  );

  return { entries, load, exportCsv };
});
