// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import type { ApplyProgressEvent, ImportReport, ReportRow, ReportSummary } from '@api/types';
import { ApiError } from '@renderer/api/api';
import { useImportStore } from '@renderer/features/import/import-store';
import { useImportRunStore } from '@renderer/features/import/import-run-store';
import { emptyImportReport, lyon, UPLOADED_FILE_ID } from './support/fake-api';
import { RUN_ID, runInfo } from './support/fake-import-calls';
import { storeContext } from './support/mount-app';

const planned = (line: number): ReportRow => ({
  line,
  id: `48:7A:55:00:00:0${line}`,
  action: 'create',
  status: 'planned',
  deviceId: null,
  errors: [],
  detail: 'Create.',
  warnings: [],
});

const summary = (overrides: Partial<ReportSummary> = {}): ReportSummary => ({
  ...emptyImportReport(lyon.id, 'a.csv').summary,
  ...overrides,
});

const started: ImportReport = {
  ...emptyImportReport(lyon.id, 'rollout.csv'),
  mode: 'apply',
  summary: summary({ rows: 2, planned: 2 }),
  run: runInfo({ total: 2 }),
  rows: [planned(2), planned(3)],
};

const progress = (overrides: Partial<ApplyProgressEvent> = {}): ApplyProgressEvent => ({
  runId: RUN_ID,
  done: 1,
  total: 2,
  inFlight: 1,
  summary: summary({ rows: 2, planned: 1, created: 1 }),
  state: 'running',
  ...overrides,
});

const file = { name: 'rollout.csv', size: 10, fileId: UPLOADED_FILE_ID };

afterEach(() => vi.restoreAllMocks());

function startedContext() {
  // The id the store chooses for a new run.
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(RUN_ID as ReturnType<typeof crypto.randomUUID>);
  const context = storeContext();
  context.fake.api.batch.apply.mockResolvedValue({ runId: RUN_ID, report: structuredClone(started) });
  return { ...context, run: useImportRunStore() };
}

describe('useImportRunStore', () => {
  it('starts a run with the file and options, and follows each line as it ends', async () => {
    const { fake, run } = startedContext();
    expect(await run.start({ systemId: lyon.id, file, reassign: true, skipInvalid: true })).toBe(true);
    expect(fake.api.batch.apply).toHaveBeenCalledWith({
      runId: RUN_ID,
      systemId: lyon.id,
      fileName: 'rollout.csv',
      fileId: UPLOADED_FILE_ID,
      reassign: true,
      skipInvalid: true,
    });
    expect(run.active).toBe(true);
    fake.emit('batch.progress', progress({ row: { ...planned(3), status: 'done', deviceId: 'd3' } }));
    expect(run.progress).toEqual({ state: 'running', done: 1, total: 2, inFlight: 1 });
    expect(run.report?.rows.map((row) => row.status)).toEqual(['planned', 'done']);
    expect(run.report?.summary.created).toBe(1);
  });

  it('ignores the progress of another run', async () => {
    const { fake, run } = startedContext();
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    fake.emit('batch.progress', progress({ runId: 'another', row: { ...planned(2), status: 'failed' } }));
    expect(run.report?.rows[0]?.status).toBe('planned');
    expect(run.progress?.done).toBe(0);
  });

  it('keeps the lines of its own run that end before the start is answered, and no other', async () => {
    const { fake, run } = startedContext();
    fake.api.batch.apply.mockImplementationOnce(async () => {
      fake.emit('batch.progress', progress({ runId: 'another', row: { ...planned(3), status: 'failed' } }));
      fake.emit('batch.progress', progress({ row: { ...planned(2), status: 'done' } }));
      return { runId: RUN_ID, report: structuredClone(started) };
    });
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    expect(run.report?.rows.map((row) => row.status)).toEqual(['done', 'planned']);
    expect(run.progress?.done).toBe(1);
  });

  it('takes the core final report once the run has ended', async () => {
    const { fake, run } = startedContext();
    const final: ImportReport = {
      ...started,
      run: runInfo({ state: 'cancelled', total: 2, done: 1, notStarted: [3] }),
      rows: [
        { ...planned(2), status: 'done' },
        { ...planned(3), status: 'not-started' },
      ],
    };
    fake.api.batch.status.mockResolvedValue(final);
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    fake.emit('batch.progress', progress({ state: 'cancelled', inFlight: 0 }));
    await flushPromises();
    expect(fake.api.batch.status).toHaveBeenCalledWith({ runId: RUN_ID });
    expect(run.report).toEqual(final);
    expect(run.active).toBe(false);
  });

  it('pauses, resumes and cancels the run it follows, as its events tell', async () => {
    const { fake, run } = startedContext();
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    await run.pause();
    expect(fake.api.batch.pause).toHaveBeenCalledWith({ runId: RUN_ID });
    fake.emit('batch.progress', progress({ state: 'paused', inFlight: 0 }));
    expect(run.progress?.state).toBe('paused');
    await run.resume();
    expect(fake.api.batch.resume).toHaveBeenCalledWith({ runId: RUN_ID });
    await run.cancel();
    expect(fake.api.batch.cancel).toHaveBeenCalledWith({ runId: RUN_ID });
    // The answer to pause said 'paused' with lines in flight; the later event that they ended is what counts.
    expect(run.progress).toEqual({ state: 'paused', done: 1, total: 2, inFlight: 0 });
  });

  it('keeps why a control call failed', async () => {
    const { fake, run } = startedContext();
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    fake.api.batch.pause.mockRejectedValueOnce(new ApiError({ code: 'not-found', message: 'No such run.' }));
    await run.pause();
    expect(run.error?.message).toBe('No such run.');
  });

  it('retries the failed lines of the same run, and downloads its report', async () => {
    const { fake, run } = startedContext();
    await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false });
    expect(await run.retryFailed()).toBe(true);
    expect(fake.api.batch.retryFailed).toHaveBeenCalledWith({ runId: RUN_ID });
    expect(await run.reportFile('json')).toEqual({ fileName: 'import-report.json', content: '{}\n' });
    expect(fake.api.batch.reportFile).toHaveBeenCalledWith({ runId: RUN_ID, format: 'json' });
  });

  it('keeps the core refusal with its hint and the lines it names', async () => {
    const { fake, run } = startedContext();
    const refusal = {
      code: 'invalid-input' as const,
      message: 'Nothing was applied: 1 line of the file is invalid.',
      hint: 'Fix the lines and validate again, or apply skipping the invalid lines.',
      issues: [{ field: 'line 5', message: 'The MAC address "4.87E+11" looks like a number.' }],
    };
    fake.api.batch.apply.mockRejectedValueOnce(new ApiError(refusal));
    expect(await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false })).toBe(false);
    expect(run.error).toEqual(refusal);
    expect(run.report).toBeUndefined();
  });

  it('follows the run already going when the core refuses a second one', async () => {
    const { fake, run } = startedContext();
    fake.api.batch.apply.mockRejectedValueOnce(
      new ApiError({
        code: 'conflict',
        message: 'An import is already running.',
        details: { runId: RUN_ID },
      }),
    );
    fake.api.batch.status.mockResolvedValueOnce(structuredClone(started));
    expect(await run.start({ systemId: lyon.id, file, reassign: false, skipInvalid: false })).toBe(false);
    expect(run.runId).toBe(RUN_ID);
    expect(run.active).toBe(true);
    fake.emit('batch.progress', progress({ row: { ...planned(2), status: 'done' } }));
    expect(run.report?.rows[0]?.status).toBe('done');
  });

  it('resumes a run an earlier session left, and lists the runs left again', async () => {
    const { fake, run } = startedContext();
    fake.api.batch.resumeRun.mockResolvedValueOnce({ runId: RUN_ID, report: structuredClone(started) });
    expect(await run.resumeRun(RUN_ID, lyon.id)).toBe(true);
    expect(fake.api.batch.resumeRun).toHaveBeenCalledWith({ runId: RUN_ID });
    expect(fake.api.batch.resumable).toHaveBeenCalledWith({ systemId: lyon.id });
    expect(run.active).toBe(true);
  });
});

describe('useImportStore with a run', () => {
  it('shows the run report instead of the validation, and a new validation drops an ended run', async () => {
    const { fake, run } = startedContext();
    const validated = emptyImportReport(lyon.id, 'rollout.csv');
    fake.api.batch.validate.mockResolvedValue(validated);
    const store = useImportStore();
    await store.open(lyon.id);
    await store.pick(file);
    expect(store.shown).toStrictEqual(validated);
    store.skipInvalid = true;
    await store.apply();
    expect(fake.api.batch.apply).toHaveBeenCalledWith(expect.objectContaining({ skipInvalid: true }));
    expect(store.shown?.mode).toBe('apply');

    await store.validate();
    expect(fake.api.batch.validate).toHaveBeenCalledTimes(1);
    fake.emit('batch.progress', progress({ state: 'finished', done: 2, inFlight: 0 }));
    await flushPromises();
    await store.validate();
    expect(fake.api.batch.validate).toHaveBeenCalledTimes(2);
    expect(run.report).toBeUndefined();
    expect(store.shown?.mode).toBe('validate');
  });
});
