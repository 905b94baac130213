import { execFileSync } from 'node:child_process';
import { readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, XLSX_LIMITS } from '../../src-main/shared/limits';
import { cli, scratchDir } from '../integration/batch/support';
import {
  deflatedRepeat,
  sharedStringsXml,
  worksheetXml,
  writeXlsxParts,
} from '../unit/batch/support/xlsx-writer';

const scratch = scratchDir();
// The demo's account, never signed in to: a refusal must come before any sign-in or catalogue is needed.
const env = { FIELDKIT_DATA_DIR: join(scratch.path, 'data') };
const SYSTEM = ['--system', 'pbx1', '--demo'];

afterAll(() => scratch.remove());

function path(name: string): string {
  return join(scratch.path, name);
}

/** Every hostile input goes through both commands that read a file; each must refuse it the same way. */
async function expectRefused(file: string, message: RegExp): Promise<void> {
  for (const command of [
    ['validate', file, ...SYSTEM, '--offline'],
    ['import', file, ...SYSTEM],
  ]) {
    const before = readdirSync(scratch.path).sort();
    const { code, stdout, stderr } = await cli(command, env);
    expect({ code, output: stdout + stderr }).toEqual({ code: 2, output: expect.stringMatching(message) });
    // Nothing was written anywhere: not even the data folder was created.
    expect(readdirSync(scratch.path).sort()).toEqual(before);
  }
}

describe('hostile files in: refused before reading, with exit 2 and a message saying why', () => {
  it('a named pipe (FIFO) with no writer: refused at once, never waited on', async () => {
    execFileSync('mkfifo', [path('pipe.csv')]);
    await expectRefused(path('pipe.csv'), /pipe\.csv: it is a named pipe \(FIFO\), not a regular file/);
  });

  it('a symbolic link to a FIFO: what the link points to is checked', async () => {
    execFileSync('mkfifo', [path('target-pipe')]);
    symlinkSync(path('target-pipe'), path('link.csv'));
    await expectRefused(path('link.csv'), /link\.csv: it is a named pipe \(FIFO\)/);
  });

  it('/dev/zero: a device, refused without reading a byte', async () => {
    await expectRefused('/dev/zero', /\/dev\/zero: it is a character device, not a regular file/);
  });

  it('a folder', async () => {
    await expectRefused(scratch.path, /it is a folder, not a regular file/);
  });

  it('a file over 64 MB: refused from its size, never read', async () => {
    writeFileSync(path('huge.csv'), '');
    truncateSync(path('huge.csv'), MAX_IMPORT_BYTES + 1024 * 1024);
    await expectRefused(
      path('huge.csv'),
      /huge\.csv: Fieldkit reads files up to 64 MB and this one is 65 MB/,
    );
  });

  it('a missing file', async () => {
    await expectRefused(path('nowhere.csv'), /nowhere\.csv: no such file/);
  });
});

describe('hostile workbooks: bounded by what they hold, refused with line, column and limit', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>mac</t></is></c></row>';

  it('a 1.6 KB workbook with a value at XFD1048576', async () => {
    const bytes = writeXlsxParts({
      sheets: [
        {
          name: 'S',
          xml: worksheetXml(
            `${header}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`,
            '<dimension ref="A1:XFD1048576"/>',
          ),
        },
      ],
    });
    writeFileSync(path('xfd.xlsx'), bytes);
    await expectRefused(path('xfd.xlsx'), /line 1048576: Line 1048576, column XFD: .*at most 64 columns/i);
  });

  it('a workbook with a value at ZZ200000', async () => {
    const bytes = writeXlsxParts({
      sheets: [
        { name: 'S', xml: worksheetXml(`${header}<row r="200000"><c r="ZZ200000"><v>1</v></c></row>`) },
      ],
    });
    writeFileSync(path('zz.xlsx'), bytes);
    await expectRefused(path('zz.xlsx'), /Line 200000, column ZZ/);
  });

  it('shared strings that unpack to more than the part limit (a zip bomb)', async () => {
    const sharedStrings = await deflatedRepeat(
      sharedStringsXml('<si><t>').replace('</t></si></sst>', ''),
      'b'.repeat(1024),
      XLSX_LIMITS.partBytes / 1024 + 1,
      '</t></si></sst>',
    );
    const bytes = writeXlsxParts({
      sheets: [{ name: 'S', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
      sharedStrings,
    });
    writeFileSync(path('bomb.xlsx'), bytes);
    await expectRefused(path('bomb.xlsx'), /xl\/sharedStrings\.xml unpacks to more than 128 MB/);
  });
});

describe('the host stays responsive while a file is read', () => {
  it('keeps turning its event loop while a large file is checked in the worker', async () => {
    const lines = ['mac,model'];
    for (let index = 0; index < 100_000; index += 1) lines.push(`not-a-mac-${index},M5`);
    writeFileSync(path('large.csv'), lines.join('\n'));
    let turns = 0;
    let running = true;
    const spin = (): void => {
      turns += 1;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const turnsAtStart = turns;
    const { code } = await cli(['validate', path('large.csv'), ...SYSTEM, '--offline', '--json'], env);
    running = false;
    // The file is unusable offline (no catalogue cached): what matters is that it was read off this thread.
    // Read on this thread, the loop would turn only between the few file-system calls (about ten times).
    expect(code).toBe(2);
    expect(turns - turnsAtStart).toBeGreaterThan(30);
  });
});
