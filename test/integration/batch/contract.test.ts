import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchTemplate, CatalogStatus, ImportReport } from '../../../src-main/api/types';
import { createCore, type Core } from '../../../src-main/app/core';
import { IMPORT_TEMPLATE } from '../../../src-main/services/batch';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { writeXlsx } from '../../unit/batch/support/xlsx-writer';
import { scratchDir } from './support';

const lyon = DEMO_SYSTEM_IDS.lyon;
const scratch = scratchDir();
let core: Core;

beforeAll(() => {
  core = createCore({
    dataDir: scratch.path,
    shell: 'browser',
    version: 'test',
    keychainService: 'fieldkit-batch-test',
  });
});

afterAll(async () => {
  await core.close();
  scratch.remove();
});

function hex(value: number): string {
  return (value & 0xff).toString(16).padStart(2, '0');
}

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('the batch and catalog calls', () => {
  it('offers the template', async () => {
    expect(await call<BatchTemplate>('batch.template')).toEqual({
      fileName: 'fieldkit-import-template.csv',
      content: IMPORT_TEMPLATE,
    });
  });

  it('needs a profile for the catalogue', async () => {
    const result = await core.router.dispatch('catalog.status', { systemId: lyon });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('pulls, tells the status, and validates text and XLSX content online and offline', async () => {
    await call('session.openDemo');
    expect(await call<CatalogStatus>('catalog.status', { systemId: lyon })).toEqual({
      systemId: lyon,
      cached: false,
    });
    const pulled = await call<CatalogStatus>('catalog.pull', { systemId: lyon });
    expect(pulled).toMatchObject({ cached: true, systemName: 'Lyon HQ', ageSeconds: 0 });

    const csv = await call<ImportReport>('batch.validate', {
      systemId: lyon,
      fileName: 'rollout.csv',
      content: 'mac,model,subscriber\n48:7A:55:F3:00:01,8028s,81001\n',
      encoding: 'text',
    });
    expect(csv).toMatchObject({
      mode: 'validate',
      catalog: { source: 'live' },
      summary: { valid: 1, invalid: 0 },
    });

    const xlsx = writeXlsx([
      {
        name: 'S',
        rows: [
          ['mac', 'model'],
          ['48:7A:55:F3:00:02', 'M5'],
          ['bad', 'M5'],
        ],
      },
    ]);
    const offline = await call<ImportReport>('batch.validate', {
      systemId: lyon,
      fileName: 'rollout.xlsx',
      content: xlsx.toString('base64'),
      offline: true,
    });
    expect(offline.catalog?.source).toBe('cache');
    expect(offline.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'valid'],
      [3, 'invalid'],
    ]);
  });

  it('validates an uploaded file named by its id, and refuses an id it does not keep', async () => {
    const rows = ['mac,model'];
    // Larger than a call's body may be in the browser shell: the reason files are uploaded.
    for (let index = 0; index < 60_000; index += 1)
      rows.push(`48:7A:55:F5:${hex(index >> 8)}:${hex(index)},M5`);
    const bytes = new TextEncoder().encode(rows.join('\n'));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const fileId = await core.uploads.receive([bytes]);
    const report = await call<ImportReport>('batch.validate', {
      systemId: lyon,
      fileName: 'big.csv',
      fileId,
      offline: true,
    });
    expect(report.summary).toMatchObject({ rows: 60_000, invalid: 0 });

    const unknown = await core.router.dispatch('batch.validate', {
      systemId: lyon,
      fileName: 'big.csv',
      fileId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const both = await core.router.dispatch('batch.validate', {
      systemId: lyon,
      fileName: 'big.csv',
      fileId,
      content: 'mac,model\n',
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses malformed input at the contract', async () => {
    const result = await core.router.dispatch('batch.validate', {
      systemId: '../x',
      fileName: 'f.csv',
      content: '',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [expect.objectContaining({ field: 'systemId' })] },
    });
  });
});
