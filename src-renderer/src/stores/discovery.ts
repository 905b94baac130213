import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import type { CallInput } from '@api/contract';
import type {
  DectHandset,
  Device,
  DiscoveryFinishedEvent,
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
} from '@renderer/components/discover/rows';
import { provisionedStatus, unprovisionedStatus } from '@shared/pbx-status';
import { toErrorData } from '@renderer/lib/errors';
import { createScanEventRouter, type DiscoveryEvent } from './discovery-events';
import { createDiscoveredRows } from './discovery-rows';
import { createLoadable, fill, reset as resetLoadable } from './loadable';
import { useSessionStore } from './session';

export type StartScanInput = CallInput<'discovery.start'> & { systemId: string };
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

/**
 * The Discover screen's scan: starts and stops it, merges the `discovery.*` events of the current scan into
 * the live table (one row per MAC, updated in place), and once it finishes reads its results back for the
 * DECT handsets and the final rows. Events of any other scan are ignored.
 */
export const useDiscoveryStore = defineStore('discovery', () => {
  const api = useApi();
  const session = useSessionStore();
  const interfaces = createLoadable<NetworkInterfaceSummary[]>();
  const phase = ref<ScanPhase>('idle');
  const scan = shallowRef<ScanSummary>();
  const progress = shallowRef<ScanProgress>({ probed: 0, total: 0 });
  const handsets = shallowRef<DectHandset[] | null>(null);
  const failure = shallowRef<DiscoveryFailure>();
  const filters = ref<DiscoverFilters>(defaultDiscoverFilters());
  const rows = createDiscoveredRows();
  const shown = computed(() => rows.list.value.filter((device) => matchesFilters(device, filters.value)));
  const running = computed(() => phase.value === 'starting' || phase.value === 'running');

  function apply(event: DiscoveryEvent): void {
    if (event.kind === 'found') rows.upsert(event.payload.device);
    else if (event.kind === 'progress') {
      progress.value = { probed: event.payload.probed, total: event.payload.total };
    } else finish(event.payload);
  }

  const router = createScanEventRouter({
    currentId: () => scan.value?.scanId,
    apply,
    clear: clearResults,
    stop: (scanId) => void stopScan(scanId),
  });

  function finish(event: DiscoveryFinishedEvent): void {
    const current = scan.value;
    if (!current) return;
    phase.value = event.state;
    scan.value = {
      ...current,
      durationMs: event.durationMs,
      problems: event.problems,
      ...(event.error ? { error: event.error } : {}),
    };
    if (event.state !== 'failed') void readResults(current.scanId);
  }

  async function readResults(scanId: string): Promise<void> {
    try {
      const results = await api.discovery.results({ scanId });
      const current = scan.value;
      if (current?.scanId !== scanId) return;
      rows.replaceAll(results.devices);
      handsets.value = results.handsets;
      progress.value = results.progress;
      scan.value = { ...current, problems: results.problems };
    } catch (error) {
      if (scan.value?.scanId === scanId) failure.value = { stage: 'results', error: toErrorData(error) };
    }
  }

  const listeners = [
    api.on('discovery.found', (payload) => router.receive({ kind: 'found', payload })),
    api.on('discovery.progress', (payload) => router.receive({ kind: 'progress', payload })),
    api.on('discovery.finished', (payload) => router.receive({ kind: 'finished', payload })),
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
    scan.value = undefined;
  }

  /**
   * Starts a scan (the core stops any running one). A subnet wider than /22 is refused until confirmed: then
   * the answer carries its plan (addresses, estimated time) for the technician to confirm.
   */
  async function start(input: StartScanInput): Promise<StartOutcome> {
    if (phase.value === 'starting') return { status: 'refused' };
    const previous = phase.value;
    phase.value = 'starting';
    failure.value = undefined;
    const ticket = router.begin();
    try {
      const started = await api.discovery.start(input);
      const current = router.isCurrent(ticket);
      const { shownAlready, pending } = router.settle(ticket, started.scanId);
      if (!current) return { status: 'refused' }; // reset meanwhile: settle has stopped it
      if (!shownAlready) clearResults();
      scan.value = {
        scanId: started.scanId,
        systemId: input.systemId,
        plan: started.plan,
        simulated: started.plan.simulated,
        durationMs: null,
        problems: [],
      };
      if (!shownAlready) progress.value = { probed: 0, total: started.plan.addresses };
      phase.value = 'running';
      pending.forEach(apply);
      return { status: 'started' };
    } catch (error) {
      if (!router.isCurrent(ticket)) return { status: 'refused' };
      router.abandon();
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
    if (router.requestStop()) return;
    const current = scan.value;
    if (current && phase.value === 'running') await stopScan(current.scanId);
  }

  /** Forgets the scan (another CloudPBX was opened, or another account signed in); stops it if running. */
  function reset(): void {
    void stop();
    router.abandon();
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
