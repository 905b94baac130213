import { computed, ref, shallowRef, watch } from 'vue';
import { defineStore } from 'pinia';
import type { BatchTemplate, CatalogStatus, FieldkitErrorData, ImportReport } from '@api/types';
import { useApi } from '@renderer/api/inject';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { createLoadable, fill, reset } from '@renderer/api/loadable';
import { KEYS_TEMPLATE, KEYS_TEMPLATE_FILE_NAME } from '@shared/keys';
import type { PickedImportFile } from './import-file-store';
import { useImportRunStore } from './import-run-store';
import { changesByLine, filterRows, summariseReport, type RowFilter } from './import-report-store';

/** What a sheet holds: devices (`batch.*`) or programmable keys (`keys.import*`). */
export type SheetKind = 'devices' | 'keys';

/**
 * The Import screen of one CloudPBX: its catalogue's status, the file picked, the options, and the validation
 * report the core answered for them. Validation runs again whenever the file or an option changes, so the
 * report always shows what the current choices would do. Once applied, the run's report takes its place.
 */
export const useImportStore = defineStore('import', () => {
  const api = useApi();
  const session = useSessionStore();
  const run = useImportRunStore();
  const systemId = ref<string>();
  const catalog = createLoadable<CatalogStatus>();
  const file = shallowRef<PickedImportFile>();
  /** Why the picked file could not be read in the renderer (before the core saw it). */
  const fileError = ref<FieldkitErrorData>();
  const offline = ref(false);
  const reassign = ref(false);
  /** Apply the valid lines even though others are invalid. */
  const skipInvalid = ref(false);
  const report = createLoadable<ImportReport>();
  const filter = ref<RowFilter>({});
  const sheetKind = ref<SheetKind>('devices');

  /** The run's report while there is one, else the validation's. */
  const shown = computed(() =>
    run.report !== undefined && run.report.system.id === systemId.value ? run.report : report.value,
  );
  const summary = computed(() => (shown.value === undefined ? undefined : summariseReport(shown.value)));
  const rows = computed(() => filterRows(shown.value?.rows ?? [], filter.value));
  const changes = computed(() => changesByLine(shown.value));

  function forget(): void {
    file.value = undefined;
    fileError.value = undefined;
    filter.value = {};
    offline.value = false;
    reassign.value = false;
    skipInvalid.value = false;
    sheetKind.value = 'devices';
    reset(report);
    reset(catalog);
    run.forgetAll();
  }

  /** Opens the screen for `id`; coming back to the same CloudPBX keeps the file and its report. */
  function open(id: string): Promise<void> {
    if (systemId.value !== id) {
      forget();
      systemId.value = id;
    }
    return Promise.all([loadCatalog(), run.loadResumable(id)]).then(() => undefined);
  }

  function loadCatalog(): Promise<void> {
    const id = systemId.value;
    return id === undefined ? Promise.resolve() : fill(catalog, () => api.catalog.status({ systemId: id }));
  }

  async function refreshCatalog(): Promise<void> {
    const id = systemId.value;
    if (id === undefined) return;
    await fill(catalog, () => api.catalog.pull({ systemId: id }));
    // An offline report was made on the catalogue just replaced.
    if (offline.value && catalog.error === undefined) await validate();
  }

  async function validate(): Promise<void> {
    const id = systemId.value;
    const picked = file.value;
    if (id === undefined || picked === undefined || run.active) return;
    run.forget();
    if (sheetKind.value === 'keys') {
      await fill(report, () =>
        api.keys.importCheck({
          systemId: id,
          fileName: picked.name,
          fileId: picked.fileId,
          offline: offline.value,
        }),
      );
      return;
    }
    await fill(report, () =>
      api.batch.validate({
        systemId: id,
        fileName: picked.name,
        fileId: picked.fileId,
        offline: offline.value,
        reassign: reassign.value,
      }),
    );
    // A keys sheet is known by its headers: check it as one.
    if (report.value?.fileErrors.some((problem) => problem.code === 'keys-sheet') === true) {
      sheetKind.value = 'keys';
      return;
    }
    // Validating online fetched the catalogue afresh and cached it.
    if (!offline.value && report.error === undefined) await loadCatalog();
  }

  function pick(picked: PickedImportFile): Promise<void> {
    if (run.active) return Promise.resolve();
    file.value = picked;
    fileError.value = undefined;
    filter.value = {};
    reset(report);
    return validate();
  }

  function pickFailed(error: FieldkitErrorData): void {
    file.value = undefined;
    fileError.value = error;
    reset(report);
  }

  /** Applies the validated file; the core plans it again against the live CloudPBX first. */
  async function apply(): Promise<boolean> {
    const id = systemId.value;
    const picked = file.value;
    if (id === undefined || picked === undefined) return false;
    filter.value = {};
    const keys = sheetKind.value === 'keys';
    return run.start({
      systemId: id,
      file: picked,
      // A keys sheet is applied whole: neither option means anything to it.
      reassign: keys ? false : reassign.value,
      skipInvalid: keys ? false : skipInvalid.value,
      ...(keys ? { sheet: 'keys' as const } : {}),
    });
  }

  const template = (): Promise<BatchTemplate> =>
    sheetKind.value === 'keys'
      ? Promise.resolve({ fileName: KEYS_TEMPLATE_FILE_NAME, content: KEYS_TEMPLATE })
      : api.batch.template({});

  watch([offline, reassign, sheetKind], () => void validate());
  watch(() => session.identity, forget);

  return {
    systemId,
    catalog,
    file,
    fileError,
    offline,
    reassign,
    skipInvalid,
    sheetKind,
    report,
    filter,
    shown,
    summary,
    rows,
    changes,
    open,
    loadCatalog,
    refreshCatalog,
    validate,
    pick,
    pickFailed,
    apply,
    template,
  };
});
