import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { validateImport } from '../../src-main/services/batch';
import { CatalogService, CatalogStore } from '../../src-main/services/catalog';
import { isFieldkitError } from '../../src-main/services/errors';
import { scratchDir } from '../integration/batch/support';

const scratch = scratchDir();
const builtWorker = process.env.FIELDKIT_IMPORT_WORKER;

afterEach(() => {
  process.env.FIELDKIT_IMPORT_WORKER = builtWorker;
});

afterAll(() => scratch.remove());

describe('a file that exhausts the worker heap', () => {
  it('fails its own validation with a clear error, and the host carries on', async () => {
    process.env.FIELDKIT_IMPORT_WORKER = join(import.meta.dirname, 'fixtures/exhausting-worker.mjs');
    const catalogs = new CatalogService(new CatalogStore(scratch.path), 'demo');
    const failure = await validateImport(
      {
        fileName: 'heavy.csv',
        content: new TextEncoder().encode('mac,model\n'),
        systemId: 'pbx1',
        offline: true,
        reassign: false,
        mode: 'validate',
      },
      { catalogs, connect: () => Promise.reject(new Error('offline')), now: Date.now },
    ).catch((error: unknown) => error);

    expect(isFieldkitError(failure) && failure.toData()).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^Reading heavy\.csv took more than the 1024 MB of memory/),
    });
    // The host is intact: the real worker still validates the next file.
    process.env.FIELDKIT_IMPORT_WORKER = builtWorker;
    const next = await validateImport(
      {
        fileName: 'empty.csv',
        content: new Uint8Array(),
        systemId: 'pbx1',
        offline: true,
        reassign: false,
        mode: 'validate',
      },
      { catalogs, connect: () => Promise.reject(new Error('offline')), now: Date.now },
    );
    expect(next.report.fileErrors).toEqual([{ line: 0, message: 'The file is empty.' }]);
  });
});
