// @vitest-environment happy-dom
import { nextTick } from 'vue';
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ImportReport, ReportRow } from '@api/types';
import { ApiError } from '@renderer/api/api';
import { useImportStore } from '@renderer/features/import/import-store';
import { changesByLine, filterRows, summariseReport } from '@renderer/features/import/import-report-store';
import { demoOnline, emptyImportReport, lyon, UPLOADED_FILE_ID } from './support/fake-api';
import { storeContext } from './support/mount-app';

const row = (line: number, action: ReportRow['action'], overrides: Partial<ReportRow> = {}): ReportRow => ({
  line,
  id: `48:7A:55:00:00:${String(line).padStart(2, '0')}`,
  action,
  status: action === 'invalid' ? 'invalid' : action === 'skip' ? 'skipped' : 'valid',
  deviceId: null,
  errors: [],
  detail: '',
  warnings: [],
  ...overrides,
});

const badModel = { field: 'model', column: 'B', heading: 'model', message: 'No model "8O28s".' };

function report(rows: ReportRow[], overrides: Partial<ImportReport> = {}): ImportReport {
  return { ...emptyImportReport(lyon.id, 'rollout.csv'), rows, ...overrides };
}

const rollout = report([
  row(2, 'create-assign'),
  row(3, 'create'),
  row(4, 'assign'),
  row(5, 'invalid', { errors: [badModel] }),
  row(6, 'invalid', { errors: [badModel, { field: 'row', message: 'Twice.' }] }),
  row(7, 'skip', { warnings: ['Description differs.'] }),
  row(8, 'reassign'),
]);

const picked = { name: 'rollout.csv', size: 12, fileId: UPLOADED_FILE_ID };

describe('summariseReport', () => {
  it('counts the lines of each action and status, what would be applied and every problem', () => {
    const summary = summariseReport({ ...rollout, fileErrors: [{ line: 0, message: 'Ragged.' }] });
    expect(summary.rows).toBe(7);
    expect(summary.byAction).toEqual({
      create: 1,
      'create-assign': 1,
      assign: 1,
      reassign: 1,
      replace: 0,
      skip: 1,
      invalid: 2,
    });
    expect(summary.byStatus).toMatchObject({ valid: 4, invalid: 2, skipped: 1, done: 0, failed: 0 });
    expect(summary.toApply).toBe(4);
    expect(summary.problems).toBe(4);
  });

  it('counts nothing in an empty report', () => {
    const summary = summariseReport(report([]));
    expect(summary.rows).toBe(0);
    expect(Object.values(summary.byAction).every((count) => count === 0)).toBe(true);
    expect(summary.toApply).toBe(0);
  });
});

describe('filterRows', () => {
  const lines = (rows: ReportRow[]): number[] => rows.map((shown) => shown.line);

  it('keeps every line without a filter', () => {
    expect(lines(filterRows(rollout.rows, {}))).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('filters by action, by status, by problems, and by all of them together', () => {
    expect(lines(filterRows(rollout.rows, { action: 'invalid' }))).toEqual([5, 6]);
    expect(lines(filterRows(rollout.rows, { status: 'valid' }))).toEqual([2, 3, 4, 8]);
    expect(lines(filterRows(rollout.rows, { problemsOnly: true }))).toEqual([5, 6, 7]);
    expect(lines(filterRows(rollout.rows, { action: 'skip', problemsOnly: true }))).toEqual([7]);
    expect(lines(filterRows(rollout.rows, { action: 'create', status: 'invalid' }))).toEqual([]);
  });
});

describe('changesByLine', () => {
  it('indexes the changes the core reported, and is empty without them', () => {
    const change = {
      line: 3,
      id: 'x',
      before: 'create' as const,
      after: 'skip' as const,
      message: 'Installed.',
    };
    const changes = changesByLine(
      report([], { changes: { previousFetchedAt: '2030-01-01T00:00:00Z', rows: [change] } }),
    );
    expect(changes.get(3)).toEqual(change);
    expect(changesByLine(rollout).size).toBe(0);
    expect(changesByLine(undefined).size).toBe(0);
  });
});

describe('useImportStore', () => {
  it('reads the catalogue status when the screen opens, and pulls it on refresh', async () => {
    const { fake } = storeContext();
    const store = useImportStore();
    await store.open(lyon.id);
    expect(fake.api.catalog.status).toHaveBeenCalledWith({ systemId: lyon.id });
    expect(store.catalog.value?.cached).toBe(false);
    fake.api.catalog.pull.mockResolvedValueOnce({
      systemId: lyon.id,
      cached: true,
      fetchedAt: '2030-01-01T09:00:00Z',
    });
    await store.refreshCatalog();
    expect(fake.api.catalog.pull).toHaveBeenCalledWith({ systemId: lyon.id });
    expect(store.catalog.value?.fetchedAt).toBe('2030-01-01T09:00:00Z');
  });

  it('validates a picked file as base64 with the options, and summarises and filters its report', async () => {
    const { fake } = storeContext();
    fake.api.batch.validate.mockResolvedValue(rollout);
    const store = useImportStore();
    await store.open(lyon.id);
    await store.pick(picked);
    expect(fake.api.batch.validate).toHaveBeenCalledWith({
      systemId: lyon.id,
      fileName: 'rollout.csv',
      fileId: picked.fileId,
      offline: false,
      reassign: false,
    });
    expect(store.summary?.byAction.invalid).toBe(2);
    expect(store.rows).toHaveLength(7);
    store.filter = { action: 'invalid' };
    expect(store.rows.map((shown) => shown.line)).toEqual([5, 6]);
    // An online validation fetched and cached the catalogue: its status is read again.
    expect(fake.api.catalog.status).toHaveBeenCalledTimes(2);
  });

  it('validates again when an option changes, and not before a file is picked', async () => {
    const { fake } = storeContext();
    const store = useImportStore();
    await store.open(lyon.id);
    store.offline = true;
    await flushPromises();
    expect(fake.api.batch.validate).not.toHaveBeenCalled();
    await store.pick(picked);
    store.reassign = true;
    await nextTick();
    await flushPromises();
    expect(fake.api.batch.validate).toHaveBeenCalledTimes(2);
    expect(fake.api.batch.validate).toHaveBeenLastCalledWith(
      expect.objectContaining({ offline: true, reassign: true }),
    );
  });

  it('checks a keys sheet as keys once the core knows it by its headers, then applies it as a keys run', async () => {
    const { fake } = storeContext();
    const keysSheet = { line: 1, code: 'keys-sheet' as const, message: 'This is a keys sheet.' };
    fake.api.batch.validate.mockResolvedValue(report([], { fileErrors: [keysSheet] }));
    const planned = report([row(2, 'replace', { status: 'planned' })], { mode: 'dry-run' });
    fake.api.keys.importCheck.mockResolvedValue(planned);
    const store = useImportStore();
    await store.open(lyon.id);
    await store.pick(picked);
    await flushPromises();
    expect(store.sheetKind).toBe('keys');
    const sheet = { systemId: lyon.id, fileName: 'rollout.csv', fileId: picked.fileId };
    expect(fake.api.keys.importCheck).toHaveBeenCalledWith({ ...sheet, offline: false });
    expect(store.shown).toEqual(planned);
    store.reassign = true;
    expect(await store.apply()).toBe(true);
    expect(fake.api.batch.apply).toHaveBeenCalledWith(
      expect.objectContaining({ ...sheet, sheet: 'keys', reassign: false, skipInvalid: false }),
    );
  });

  it('keeps the core error of a failed validation, and a new file clears the old filter and report', async () => {
    const { fake } = storeContext();
    const failure = { code: 'not-found' as const, message: 'No catalogue is cached.', hint: 'Refresh it.' };
    fake.api.batch.validate.mockResolvedValueOnce(rollout).mockRejectedValueOnce(new ApiError(failure));
    const store = useImportStore();
    await store.open(lyon.id);
    await store.pick(picked);
    store.filter = { action: 'skip' };
    await store.pick({ ...picked, name: 'second.csv' });
    expect(store.report.error).toEqual(failure);
    expect(store.report.value).toBeUndefined();
    expect(store.filter).toEqual({});
  });

  it('forgets the file and report when another CloudPBX is opened or the account changes', async () => {
    const { fake } = storeContext();
    fake.api.batch.validate.mockResolvedValue(rollout);
    const store = useImportStore();
    await store.open(lyon.id);
    await store.pick(picked);
    await store.open(lyon.id);
    expect(store.report.value).toBe(rollout);
    await store.open('sys-grenoble');
    expect(store.file).toBeUndefined();
    expect(store.report.value).toBeUndefined();

    fake.emit('session.changed', demoOnline);
    await store.open(lyon.id);
    await store.pick(picked);
    await flushPromises();
    expect(store.file).toBe(picked);
    fake.emit('session.changed', { ...demoOnline, profile: 'other' });
    await flushPromises();
    expect(store.file).toBeUndefined();
    expect(store.report.value).toBeUndefined();
  });
});
