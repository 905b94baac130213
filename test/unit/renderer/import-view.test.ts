// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ImportReport } from '@api/types';
import { ApiError } from '@renderer/api/api';
import ImportView from '@renderer/features/import/ImportView.vue';
import { createFakeApi, emptyImportReport, lyon, UPLOADED_FILE_ID } from './support/fake-api';
import { RUN_ID } from './support/fake-import-calls';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const FORMULA = '=HYPERLINK("http://evil.invalid")';

const validated: ImportReport = {
  ...emptyImportReport(lyon.id, 'rollout.csv'),
  catalog: { fetchedAt: '2030-01-01T09:00:00.000Z', source: 'live', ageSeconds: 0 },
  rows: [
    {
      line: 2,
      id: '48:7A:55:00:AA:01',
      action: 'create-assign',
      status: 'valid',
      deviceId: null,
      errors: [],
      detail: 'Create 8028s "Desk" and assign it to 81090.',
      warnings: [],
      model: '8028s',
      subscriber: '81090',
    },
    {
      line: 3,
      id: FORMULA,
      action: 'invalid',
      status: 'invalid',
      deviceId: null,
      errors: [
        { field: 'mac', column: 'A', heading: 'MAC address', message: 'The MAC address contains "=".' },
        { field: 'model', column: 'B', heading: 'model', message: 'No model "8O28s".', suggestion: '8028s' },
      ],
      detail: 'Not imported: 2 problems to fix.',
      warnings: [],
    },
  ],
};

async function importScreen(fake = createFakeApi()) {
  const app = await mountView(ImportView, { fake });
  wrapper = app.wrapper;
  return app;
}

/** The upload, the validation and what they render settle once queued promises have run. */
async function untilShown(page: VueWrapper, testId: string): Promise<void> {
  await flushPromises();
  expect(page.find(byTestId(testId)).exists()).toBe(true);
}

async function pick(page: VueWrapper, name: string, text: string): Promise<void> {
  const input = page.get<HTMLInputElement>(`${byTestId('import-file-picker')} input[type=file]`);
  Object.defineProperty(input.element, 'files', { value: [new File([text], name, { type: 'text/csv' })] });
  await input.trigger('change');
  await untilShown(page, 'import-report');
}

describe('Import screen', () => {
  it('opens under its title', async () => {
    const { wrapper: page } = await importScreen();
    expect(page.get('h1').text()).toBe('Import');
  });

  it('uploads the file, validates it by its id and shows each problem with its line, column and suggested fix', async () => {
    const fake = createFakeApi();
    fake.api.batch.validate.mockResolvedValue(validated);
    const { wrapper: page } = await importScreen(fake);
    await pick(page, 'rollout.csv', 'mac,model\r\n');

    const uploaded = fake.api.upload.mock.calls[0]?.[0];
    expect(await uploaded?.text()).toBe('mac,model\r\n');
    expect(fake.api.batch.validate).toHaveBeenCalledWith(
      expect.objectContaining({ fileName: 'rollout.csv', fileId: UPLOADED_FILE_ID }),
    );
    expect(page.get(byTestId('summary-rows')).attributes('data-count')).toBe('2');
    expect(page.get(byTestId('summary-invalid')).attributes('data-count')).toBe('1');
    const problems = page.findAll(byTestId('row-problem'));
    expect(problems.map((problem) => problem.attributes('data-column'))).toEqual(['A', 'B']);
    expect(problems[0]?.text()).toContain('Line 3, column A “MAC address”: The MAC address contains "=".');
    expect(problems[1]?.get(byTestId('row-problem-suggestion')).text()).toBe('Suggested fix: 8028s');
  });

  it('shows a value that looks like a formula as plain text', async () => {
    const fake = createFakeApi();
    fake.api.batch.validate.mockResolvedValue(validated);
    const { wrapper: page } = await importScreen(fake);
    await pick(page, 'rollout.csv', 'x');
    const identifiers = page.findAll(byTestId('import-identifier'));
    expect(identifiers[1]?.text()).toBe(FORMULA);
    expect(identifiers[1]?.element.children).toHaveLength(0);
    expect(page.get(byTestId('import-table')).findAll('a')).toHaveLength(0);
  });

  it('filters the table from the summary', async () => {
    const fake = createFakeApi();
    fake.api.batch.validate.mockResolvedValue(validated);
    const { wrapper: page } = await importScreen(fake);
    await pick(page, 'rollout.csv', 'x');
    await page.get(byTestId('summary-invalid')).trigger('click');
    await flushPromises();
    expect(page.get(byTestId('import-row-count')).attributes('data-shown')).toBe('1');
    expect(page.findAll(byTestId('import-line')).map((line) => line.attributes('data-line'))).toEqual(['3']);
  });

  it('shows the core error with its hint when validation fails', async () => {
    const fake = createFakeApi();
    fake.api.batch.validate.mockRejectedValue(
      new ApiError({ code: 'not-found', message: 'No catalogue is cached.', hint: 'Refresh the catalogue.' }),
    );
    const { wrapper: page } = await importScreen(fake);
    const input = page.get<HTMLInputElement>(`${byTestId('import-file-picker')} input[type=file]`);
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'a.csv')] });
    await input.trigger('change');
    await untilShown(page, 'import-report-error');
    const alert = page.get(byTestId('import-report-error'));
    expect(alert.text()).toContain('No catalogue is cached.');
    expect(alert.get(byTestId('error-hint')).text()).toContain('Refresh the catalogue.');
  });

  it('offers to validate offline when the network is gone and a catalogue is kept', async () => {
    const fake = createFakeApi();
    fake.api.catalog.status.mockResolvedValue({
      systemId: lyon.id,
      cached: true,
      fetchedAt: '2030-01-01T09:00:00Z',
    });
    fake.api.batch.validate
      .mockRejectedValueOnce(
        new ApiError({ code: 'unreachable', message: 'openrainbow.com could not be reached.' }),
      )
      .mockResolvedValueOnce(validated);
    const { wrapper: page } = await importScreen(fake);
    const input = page.get<HTMLInputElement>(`${byTestId('import-file-picker')} input[type=file]`);
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'a.csv')] });
    await input.trigger('change');
    await untilShown(page, 'import-go-offline');
    await page.get(byTestId('import-go-offline')).trigger('click');
    await untilShown(page, 'import-report');
    expect(fake.api.batch.validate).toHaveBeenLastCalledWith(expect.objectContaining({ offline: true }));
    expect(page.find(byTestId('import-go-offline')).exists()).toBe(false);
  });

  it('blocks Apply while lines are invalid, until they are to be skipped', async () => {
    const fake = createFakeApi();
    fake.api.batch.validate.mockResolvedValue(validated);
    const { wrapper: page } = await importScreen(fake);
    await pick(page, 'rollout.csv', 'x');
    const apply = () => page.get(byTestId('import-apply'));
    expect(apply().attributes('disabled')).toBeDefined();
    expect(page.get(byTestId('import-apply-blocked')).text()).toBe(
      'Fix the invalid lines, or skip them, before applying.',
    );
    await page.get(`${byTestId('import-skip-invalid')} input`).setValue(true);
    await flushPromises();
    expect(apply().attributes('disabled')).toBeUndefined();
    expect(apply().text()).toBe('Apply one line');
  });

  it('says there is nothing to apply when every line is done already', async () => {
    const fake = createFakeApi();
    const rows = validated.rows
      .slice(0, 1)
      .map((row) => ({ ...row, action: 'skip' as const, status: 'skipped' as const }));
    fake.api.batch.validate.mockResolvedValue({ ...validated, rows });
    const { wrapper: page } = await importScreen(fake);
    await pick(page, 'rollout.csv', 'x');
    expect(page.get(byTestId('import-apply')).attributes('disabled')).toBeDefined();
    expect(page.get(byTestId('import-apply-blocked')).text()).toContain('Nothing to apply');
    expect(page.find(byTestId('import-skip-invalid')).exists()).toBe(false);
  });

  it('offers to continue an import an earlier session left unfinished', async () => {
    const fake = createFakeApi();
    fake.api.batch.resumable.mockResolvedValue([
      {
        runId: RUN_ID,
        systemId: lyon.id,
        fileName: 'rollout.csv',
        fileHash: 'a1b2c3',
        startedAt: '2030-01-01T09:00:00.000Z',
        updatedAt: '2030-01-01T09:01:00.000Z',
        reason: 'interrupted',
        linesTouched: 12,
        reassign: false,
        skipInvalid: true,
        concurrency: 4,
      },
    ]);
    const { wrapper: page } = await importScreen(fake);
    const notice = page.get(byTestId('import-resumable'));
    expect(notice.text()).toContain('12 lines were already sent');
    await notice.get(byTestId('import-resume-run')).trigger('click');
    await flushPromises();
    expect(fake.api.batch.resumeRun).toHaveBeenCalledWith({ runId: RUN_ID });
    expect(page.find(byTestId('import-run')).exists()).toBe(true);
  });

  it('downloads the template the core gives', async () => {
    const fake = createFakeApi();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:template');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { wrapper: page } = await importScreen(fake);
    await page.get(byTestId('import-template')).trigger('click');
    await flushPromises();
    expect(fake.api.batch.template).toHaveBeenCalled();
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toBe('mac,model\r\n');
    expect(clicked).toHaveBeenCalledTimes(1);
  });
});
