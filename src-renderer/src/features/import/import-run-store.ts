import { computed, onScopeDispose, ref, shallowRef, triggerRef } from 'vue';
import { defineStore } from 'pinia';
import type {
  ApplyProgressEvent,
  ApplyRunInfo,
  ApplyRunState,
  ApplyStarted,
  FieldkitErrorData,
  ImportReport,
  ReportFile,
  ResumableRun,
} from '@api/types';
import { useApi } from '@renderer/api/inject';
import { toErrorData } from '@renderer/api/errors';
import { createLoadable, fill, reset } from '@renderer/api/loadable';
import type { PickedImportFile } from './import-file-store';

/** Where a run stands, as the last progress event or answer told it. */
export type RunProgress = Pick<ApplyRunInfo, 'state' | 'done' | 'total' | 'inFlight'>;

const ACTIVE: ReadonlySet<ApplyRunState> = new Set(['running', 'paused', 'cancelling']);

/** Running, paused or cancelling: lines may still start or end. */
export const isActiveState = (state: ApplyRunState): boolean => ACTIVE.has(state);

export interface ApplyRequest {
  systemId: string;
  file: PickedImportFile;
  reassign: boolean;
  skipInvalid: boolean;
  /** A keys sheet: the same run, journal and report as a device sheet's. */
  sheet?: 'keys';
}

/**
 * The import run of the Import screen: started from a validated file (or resumed from an earlier session),
 * followed line by line through `batch.progress`, paused, resumed, cancelled, retried. Its report is the
 * core's report at the start, with each line replaced as it ends, then the core's final report.
 */
export const useImportRunStore = defineStore('import-run', () => {
  const api = useApi();
  const runId = ref<string>();
  const report = shallowRef<ImportReport>();
  const progress = shallowRef<RunProgress>();
  /** Why the last action on the run (start, pause, retry, download…) failed. */
  const error = ref<FieldkitErrorData>();
  const starting = ref(false);
  const resumable = createLoadable<ResumableRun[]>();
  /**
   * The run a start call is on its way for (its id is chosen before the call), and its events meanwhile: they
   * are newer than the report the answer carries, so they are applied on top of it.
   */
  let startingId: string | undefined;
  let pending: ApplyProgressEvent[] = [];
  let lineIndex = new Map<number, number>();

  const active = computed(() => progress.value !== undefined && ACTIVE.has(progress.value.state));

  onScopeDispose(api.on('batch.progress', onProgress));

  function onProgress(event: ApplyProgressEvent): void {
    if (event.runId === startingId) pending.push(event);
    else if (event.runId === runId.value) follow(event);
  }

  function follow(event: ApplyProgressEvent): void {
    const { state, done, total, inFlight } = event;
    progress.value = { state, done, total, inFlight };
    const current = report.value;
    if (current !== undefined) {
      const index = event.row === undefined ? undefined : lineIndex.get(event.row.line);
      if (event.row !== undefined && index !== undefined) current.rows[index] = event.row;
      current.summary = event.summary;
      triggerRef(report);
    }
    if (!ACTIVE.has(state)) void settle();
  }

  function show(next: ImportReport): void {
    report.value = next;
    lineIndex = new Map(next.rows.map((row, index) => [row.line, index]));
    if (next.run !== undefined) {
      const { state, done, total, inFlight } = next.run;
      progress.value = { state, done, total, inFlight };
    }
  }

  /** The run has ended: the core's report has every line, the lines never started and why it stopped. */
  async function settle(): Promise<void> {
    const id = runId.value;
    if (id === undefined) return;
    try {
      const final = await api.batch.status({ runId: id });
      if (runId.value === id) show(final);
    } catch (caught) {
      error.value = toErrorData(caught);
    }
  }

  /** Follows a run the core is already carrying out (started before this page was loaded). */
  async function attach(id: string): Promise<boolean> {
    try {
      const current = await api.batch.status({ runId: id });
      runId.value = id;
      show(current);
      return true;
    } catch {
      // The run ended meanwhile or belongs to another profile: the conflict error already says what to do.
      return false;
    }
  }

  /** Starts run `id` (new, retried or resumed) with `call`, then follows it. */
  async function begin(id: string, call: () => Promise<ApplyStarted>): Promise<boolean> {
    starting.value = true;
    error.value = undefined;
    startingId = id;
    pending = [];
    try {
      const started = await call();
      runId.value = started.runId;
      show(started.report);
      pending.forEach(follow);
      return true;
    } catch (caught) {
      error.value = toErrorData(caught);
      const running = error.value.code === 'conflict' ? error.value.details?.runId : undefined;
      if (running !== undefined) await attach(running);
      return false;
    } finally {
      starting.value = false;
      startingId = undefined;
      pending = [];
    }
  }

  function start({ systemId, file, reassign, skipInvalid, sheet }: ApplyRequest): Promise<boolean> {
    const id = crypto.randomUUID();
    return begin(id, () =>
      api.batch.apply({
        runId: id,
        systemId,
        fileName: file.name,
        fileId: file.fileId,
        reassign,
        skipInvalid,
        ...(sheet === undefined ? {} : { sheet }),
      }),
    );
  }

  function withRun(call: (id: string) => Promise<ApplyStarted>): Promise<boolean> {
    const id = runId.value;
    return id === undefined ? Promise.resolve(false) : begin(id, () => call(id));
  }

  const retryFailed = (): Promise<boolean> => withRun((id) => api.batch.retryFailed({ runId: id }));
  /** Continues the current run after it stopped on an error (network lost, signed out). */
  const continueRun = (): Promise<boolean> => withRun((id) => api.batch.resumeRun({ runId: id }));

  /** Continues a run an earlier session left unfinished. */
  async function resumeRun(id: string, systemId: string): Promise<boolean> {
    const resumed = await begin(id, () => api.batch.resumeRun({ runId: id }));
    if (resumed) await loadResumable(systemId);
    return resumed;
  }

  /** The run's new state comes as a `batch.progress` event: the answer may arrive after later events. */
  async function control(call: (input: { runId: string }) => Promise<ApplyRunInfo>): Promise<void> {
    const id = runId.value;
    if (id === undefined) return;
    error.value = undefined;
    try {
      await call({ runId: id });
    } catch (caught) {
      error.value = toErrorData(caught);
    }
  }

  const pause = (): Promise<void> => control((input) => api.batch.pause(input));
  const resume = (): Promise<void> => control((input) => api.batch.resume(input));
  const cancel = (): Promise<void> => control((input) => api.batch.cancel(input));

  async function reportFile(format: 'csv' | 'json'): Promise<ReportFile | undefined> {
    const id = runId.value;
    if (id === undefined) return undefined;
    error.value = undefined;
    try {
      return await api.batch.reportFile({ runId: id, format });
    } catch (caught) {
      error.value = toErrorData(caught);
      return undefined;
    }
  }

  const loadResumable = (systemId: string): Promise<void> =>
    fill(resumable, () => api.batch.resumable({ systemId }));

  /** Drops an ended run from the screen (a new file, another CloudPBX); a run still going is kept. */
  function forget(): void {
    if (active.value || starting.value) return;
    runId.value = undefined;
    report.value = undefined;
    progress.value = undefined;
    error.value = undefined;
    lineIndex = new Map();
  }

  function forgetAll(): void {
    forget();
    reset(resumable);
  }

  return {
    runId,
    report,
    progress,
    error,
    starting,
    active,
    resumable,
    start,
    pause,
    resume,
    cancel,
    retryFailed,
    continueRun,
    resumeRun,
    reportFile,
    loadResumable,
    forget,
    forgetAll,
  };
});
