import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import type { CallInput } from '@api/contract';
import type {
  DectHandset,
  Device,
  DiscoveryFinishedEvent,
  DiscoveryFoundEvent,
  DiscoveryProgressEvent,
  FieldkitErrorData,
  NetworkInterfaceSummary,
  ScanPlan,
  ScanProgress,
  ScanState,
} from '@api/types';
import { useApi } from '@renderer/api/inject';
import {
  defaultDiscoverFilters,
  matchesFilters,
  type DiscoverFilters,
} from '@renderer/features/discover/rows';
import { provisionedStatus, unprovisionedStatus } from '@shared/pbx-status';
import { toErrorData } from '@renderer/api/errors';
import { createDiscoveredRows } from './discovery-rows';
import { createLoadable, fill, reset as resetLoadable } from '@renderer/api/loadable';
import { useSessionStore } from '@renderer/features/sign-in/session-store';

/** What the screen asks for; the store chooses the scan's id. */
export type StartScanInput = Omit<CallInput<'discovery.start'>, 'scanId'> & { systemId: string };
export type PlanScanInput = CallInput<'discovery.plan'>;

export type StartOutcome =
  { status: 'started' } | { status: 'refused' } | { status: 'confirm'; plan: ScanPlan };

/** `starting`: the start call is on its way; its events may arrive before its answer. */
export type ScanPhase = 'idle' | 'starting' | ScanState;

export interface ScanSummary {
  scanId: string;
  systemId: string;
  plan: ScanPlan;
  simulated: boolean;
  durationMs: number | null;
  problems: string[];
  /** Why a scan that started failed (missing privileges, …). */
  error?: FieldkitErrorData;
}

/** What failed: a plan or start refused, the results that could not be read, a stop that failed. */
export interface DiscoveryFailure {
  stage: 'refused' | 'results' | 'stop';
  error: FieldkitErrorData;
}

type DiscoveryEvent =
  | { kind: 'found'; payload: DiscoveryFoundEvent }
  | { kind: 'progress'; payload: DiscoveryProgressEvent }
  | { kind: 'finished'; payload: DiscoveryFinishedEvent };

/**
 * The Discover screen's scan: starts and stops it, merges the `discovery.*` events of the current scan into
 * the live table (one row per MAC, updated in place), and once it finishes reads its results back for the
 * DECT handsets and the final rows. The store chooses each scan's id before starting it, so the scan's events
 * are known as its own even when they come before the start's answer; events of any other scan are ignored.
 */
export const useDiscoveryStore = defineStore('discovery', () => {
  const api = useApi();
  const session = useSessionStore();
  const interfaces = createLoadable<NetworkInterfaceSummary[]>();
  const phase = ref<ScanPhase>('idle');
  /** The scan whose rows are shown. */
  const shownId = ref<string>();
  /** What the start answered, what the finished event said and what the results added, for the shown scan. */
  const started = shallowRef<{ systemId: string; plan: ScanPlan }>();
  const ended = shallowRef<DiscoveryFinishedEvent>();
  const resultProblems = shallowRef<string[]>();
  const scan = computed<ScanSummary | undefined>(() => {
    const scanId = shownId.value;
    if (scanId === undefined || started.value === undefined) return undefined;
    const { systemId, plan } = started.value;
    const error = ended.value?.error;
    return {
      scanId,
      systemId,
      plan,
      simulated: plan.simulated,
      durationMs: ended.value?.durationMs ?? null,
      problems: resultProblems.value ?? ended.value?.problems ?? [],
      ...(error ? { error } : {}),
    };
  });
  const progress = shallowRef<ScanProgress>({ probed: 0, total: 0 });
  const handsets = shallowRef<DectHandset[] | null>(null);
  const failure = shallowRef<DiscoveryFailure>();
  const filters = ref<DiscoverFilters>(defaultDiscoverFilters());
  const rows = createDiscoveredRows();
  const shown = computed(() => rows.list.value.filter((device) => matchesFilters(device, filters.value)));
  const running = computed(() => phase.value === 'starting' || phase.value === 'running');
  /** The scan whose start is on its way, and whether Stop was pressed meanwhile. */
  let startingId: string | undefined;
  let stopWhenKnown = false;

  function receive(event: DiscoveryEvent): void {
    const scanId = event.payload.scanId;
    if (scanId === startingId && scanId !== shownId.value) {
      // The new scan's first event: its rows replace the previous scan's, and it now exists to be stopped.
      show(scanId);
      if (stopWhenKnown) stopStarting(scanId);
    }
    if (scanId !== shownId.value) return;
    if (event.kind === 'found') rows.upsert(event.payload.device);
    else if (event.kind === 'progress') {
      progress.value = { probed: event.payload.probed, total: event.payload.total };
    } else finish(event.payload);
  }

  function finish(event: DiscoveryFinishedEvent): void {
    ended.value = event;
    if (started.value) settleEnd();
  }

  /** Once the scan has both answered and finished: its final state, and its results unless it failed. */
  function settleEnd(): void {
    const event = ended.value;
    const scanId = shownId.value;
    if (!event || scanId === undefined) return;
    phase.value = event.state;
    if (event.state !== 'failed') void readResults(scanId);
  }

  async function readResults(scanId: string): Promise<void> {
    try {
      const results = await api.discovery.results({ scanId });
      if (shownId.value !== scanId) return;
      rows.replaceAll(results.devices);
      handsets.value = results.handsets;
      progress.value = results.progress;
      resultProblems.value = results.problems;
    } catch (error) {
      if (shownId.value === scanId) failure.value = { stage: 'results', error: toErrorData(error) };
    }
  }

  const listeners = [
    api.on('discovery.found', (payload) => receive({ kind: 'found', payload })),
    api.on('discovery.progress', (payload) => receive({ kind: 'progress', payload })),
    api.on('discovery.finished', (payload) => receive({ kind: 'finished', payload })),
  ];
  onScopeDispose(() => listeners.forEach((stop) => stop()));

  const loadInterfaces = (): Promise<void> => fill(interfaces, () => api.discovery.interfaces({}));

  /** The plan of a scan (addresses, estimated time, whether it needs confirming), or undefined if refused. */
  async function plan(input: PlanScanInput): Promise<ScanPlan | undefined> {
    failure.value = undefined;
    try {
      return await api.discovery.plan(input);
    } catch (error) {
      failure.value = { stage: 'refused', error: toErrorData(error) };
      return undefined;
    }
  }

  function clearResults(): void {
    rows.clear();
    handsets.value = null;
    progress.value = { probed: 0, total: 0 };
    shownId.value = undefined;
    started.value = undefined;
    ended.value = undefined;
    resultProblems.value = undefined;
  }

  function show(scanId: string): void {
    clearResults();
    shownId.value = scanId;
  }

  function stopStarting(scanId: string): void {
    stopWhenKnown = false;
    void stopScan(scanId);
  }

  /**
   * Starts a scan (the core stops any running one). A subnet wider than /22 is refused until confirmed: then
   * the answer carries its plan (addresses, estimated time) for the technician to confirm.
   */
  async function start(input: StartScanInput): Promise<StartOutcome> {
    if (phase.value === 'starting') return { status: 'refused' };
    const previous = phase.value;
    const scanId = crypto.randomUUID();
    startingId = scanId;
    stopWhenKnown = false;
    phase.value = 'starting';
    failure.value = undefined;
    try {
      const answer = await api.discovery.start({ ...input, scanId });
      if (startingId !== scanId) {
        // The screen was reset meanwhile: nobody shows this scan, so it must not run on.
        void stopScan(scanId);
        return { status: 'refused' };
      }
      startingId = undefined;
      if (shownId.value !== scanId) {
        show(scanId);
        progress.value = { probed: 0, total: answer.plan.addresses };
      }
      started.value = { systemId: input.systemId, plan: answer.plan };
      phase.value = 'running';
      if (stopWhenKnown) stopStarting(scanId);
      settleEnd();
      return { status: 'started' };
    } catch (error) {
      if (startingId !== scanId) return { status: 'refused' };
      startingId = undefined;
      phase.value = scan.value ? previous : 'idle';
      const data = toErrorData(error);
      if (input.confirmed !== true && data.issues?.some((issue) => issue.field === 'confirmed')) {
        const { systemId: _systemId, confirmed: _confirmed, ...request } = input;
        const wide = await plan(request);
        return wide ? { status: 'confirm', plan: wide } : { status: 'refused' };
      }
      failure.value = { stage: 'refused', error: data };
      return { status: 'refused' };
    }
  }

  async function stopScan(scanId: string): Promise<void> {
    try {
      await api.discovery.stop({ scanId });
    } catch (error) {
      failure.value = { stage: 'stop', error: toErrorData(error) };
    }
  }

  /**
   * Stops the running scan; its `discovery.finished` event ends it here. Pressed while it is starting, it
   * stops the scan whose rows are already shown, or the one the start names once it answers.
   */
  async function stop(): Promise<void> {
    if (phase.value === 'starting' && startingId !== undefined) {
      if (shownId.value === startingId) await stopScan(startingId);
      else stopWhenKnown = true;
      return;
    }
    const current = scan.value;
    if (current && phase.value === 'running') await stopScan(current.scanId);
  }

  /** Forgets the scan (another CloudPBX was opened, or another account signed in); stops it if running. */
  function reset(): void {
    // A start on its way is stopped once it answers (nobody shows it then), so only a running scan is stopped here.
    if (startingId === undefined) void stop();
    startingId = undefined;
    phase.value = 'idle';
    failure.value = undefined;
    clearResults();
  }

  /** The row of the device's MAC now shows what the CloudPBX holds (after a registration, an assignment). */
  function markDevice(device: Device): void {
    if (device.macAddress) rows.mark(device.macAddress.toLowerCase(), provisionedStatus(device));
  }

  /** The row of this MAC is not provisioned any more (a swap moved its device to another phone). */
  function markUnprovisioned(mac: string): void {
    rows.mark(mac.toLowerCase(), unprovisionedStatus());
  }

  watch(
    () => session.identity,
    () => {
      reset();
      resetLoadable(interfaces);
    },
  );

  return {
    interfaces,
    phase,
    scan,
    progress,
    handsets,
    failure,
    filters,
    /** Every row found, whatever the filters. */
    devices: rows.list,
    shown,
    running,
    loadInterfaces,
    plan,
    start,
    stop,
    reset,
    markDevice,
    markUnprovisioned,
    row: rows.get,
  };
});
