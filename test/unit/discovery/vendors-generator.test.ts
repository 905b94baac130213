import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/generate-vendor-table.mjs');
const COMMITTED_TABLE = resolve(import.meta.dirname, '../../../resources/vendor-prefixes.json');
const DEBIAN_SOURCES = ['oui.csv', 'mam.csv', 'oui36.csv'].map((file) => `/usr/share/ieee-data/${file}`);

const HEADER = 'Registry,Assignment,Organization Name,Organization Address';
const FIXTURE_ROWS = [
  'MA-L,487A55,ALE International,32 avenue Kléber Colombes  FR 92700 ',
  'MA-L,3C28A6,Alcatel-Lucent Enterprise (China),"2/F, Building 1, No.60 Naxian Road,Pudong Shanghai CN 201210 "',
  'MA-L,00809F,ALE International,32 avenue Kléber Colombes  FR 92700 ',
  'MA-L,00087B,RTX Telecom A/S,Stroemmen 6   DK  ',
  'MA-L,00E0B1,Alcatel-Lucent Enterprise,26801 West Agoura Road Calabasas CA US 91301 ',
  // A quoted organisation holding a comma, and an address running over two lines.
  'MA-L,A09D86,"Alcatel-Lucent Shanghai Bell Co., Ltd","No. 389, Ningqiao Road,\n Pudong Jinqiao Shanghai  CN 201206 "',
  'MA-L,F4BD9E,"Cisco Systems, Inc",80 West Tasman Drive San Jose CA US 94568 ',
  'MA-L,000F62,Alcatel Bell Space N.V.,Berkenrodelei 33 Hoboken Antwerpen BE B-2660 ',
  'MA-M,70B3D5A,"Alcatel-Lucent Enterprise, ""Lab"" Unit",Nowhere',
  'MA-S,70B3D5F2F,RTX A/S,Noerresundby DK',
];

interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runGenerator(args: string[]): Promise<RunOutcome> {
  return new Promise((done) => {
    execFile(process.execPath, [SCRIPT, ...args], (error, stdout, stderr) => {
      done({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

describe('generate-vendor-table', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fieldkit-vendors-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function writeFixture(rows: string[], lineEnd = '\n'): Promise<string> {
    const path = join(folder, 'oui.csv');
    await writeFile(path, [HEADER, ...rows, ''].join(lineEnd));
    return path;
  }

  it('writes the ALE, Alcatel-Lucent and RTX prefixes of a registry CSV, classified and sorted', async () => {
    const out = join(folder, 'table.json');
    const outcome = await runGenerator(['--out', out, await writeFixture(FIXTURE_ROWS)]);
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({
      generatedFrom: 'IEEE registries: oui.csv',
      prefixes: [
        { prefix: '00087b', length: 24, organisation: 'RTX Telecom A/S', kind: 'dect-base' },
        { prefix: '00809f', length: 24, organisation: 'ALE International', kind: 'deskphone' },
        { prefix: '00e0b1', length: 24, organisation: 'Alcatel-Lucent Enterprise', kind: 'ale-other' },
        {
          prefix: '3c28a6',
          length: 24,
          organisation: 'Alcatel-Lucent Enterprise (China)',
          kind: 'deskphone',
        },
        { prefix: '487a55', length: 24, organisation: 'ALE International', kind: 'deskphone' },
        {
          prefix: '70b3d5a',
          length: 28,
          organisation: 'Alcatel-Lucent Enterprise, "Lab" Unit',
          kind: 'ale-other',
        },
        { prefix: '70b3d5f2f', length: 36, organisation: 'RTX A/S', kind: 'dect-base' },
        {
          prefix: 'a09d86',
          length: 24,
          organisation: 'Alcatel-Lucent Shanghai Bell Co., Ltd',
          kind: 'ale-other',
        },
      ],
    });
  });

  it('gives the same bytes whatever the row order and line endings', async () => {
    const first = join(folder, 'first.json');
    const second = join(folder, 'second.json');
    await runGenerator(['--out', first, await writeFixture(FIXTURE_ROWS)]);
    await runGenerator(['--out', second, await writeFixture([...FIXTURE_ROWS].reverse(), '\r\n')]);
    expect(await readFile(second, 'utf8')).toBe(await readFile(first, 'utf8'));
  });

  it('fails with a clear message when the source file is missing', async () => {
    const out = join(folder, 'table.json');
    const outcome = await runGenerator(['--out', out, join(folder, 'absent.csv')]);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('file not found');
    expect(outcome.stderr).toContain('apt-get install ieee-data');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write a table lacking the deskphone and DECT base prefixes', async () => {
    const out = join(folder, 'table.json');
    const outcome = await runGenerator(['--out', out, await writeFixture(FIXTURE_ROWS.slice(4))]);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('the sources lack 487a55, 3c28a6, 00809f, 00087b');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not an IEEE registry CSV', async () => {
    const path = join(folder, 'other.csv');
    await writeFile(path, 'mac,name\n487a55000002,desk\n');
    const outcome = await runGenerator(['--out', join(folder, 'table.json'), path]);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('is not an IEEE registry CSV');
  });

  it.skipIf(!DEBIAN_SOURCES.every((path) => existsSync(path)))(
    'matches the committed table when run on the installed ieee-data',
    async () => {
      const out = join(folder, 'table.json');
      expect((await runGenerator(['--out', out, ...DEBIAN_SOURCES])).code).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(await readFile(COMMITTED_TABLE, 'utf8'));
    },
  );
});
