// Files out (issue 8, item 2): the report, the journal and the template never overwrite what exists unless
// asked, never write through a link or into the imported file, are checked before anything is applied, and one
// process at a time applies a journal. Every refusal exits 2, leaves the files as they were and changes
// nothing on the CloudPBX.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_TEMPLATE } from '../../src-main/services/batch';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { cli, simulatorFixture } from '../integration/batch/support';
import { deadPid } from '../support/dead-pid';

const lyon = DEMO_SYSTEM_IDS.lyon;
const root = join(import.meta.dirname, '..', '..');
const fixture = simulatorFixture();
let folder: string;
let serial = 0;

beforeEach(() => {
  serial += 1;
  folder = join(fixture.scratch.path, `case-${serial}`);
  mkdirSync(folder);
});

/** A file of one new deskphone, unique to the test. */
function importFile(): string {
  const path = join(folder, 'rollout.csv');
  writeFileSync(path, `mac,model\n48:7A:55:F7:${String(serial).padStart(2, '0')}:01,8028s\n`);
  return path;
}

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Requests that change the CloudPBX (anything but reading it and signing in or out). */
function changes(): number {
  return fixture.simulator.requests().filter((request) => request.method !== 'GET').length;
}

/** The built CLI (or a wrapper around it), as a user runs it, with the simulator's account. */
function spawned(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...fixture.env },
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function refused(args: string[], message: string | RegExp): Promise<void> {
  const before = changes();
  const run = await cli(args, fixture.env);
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(changes()).toBe(before);
}

describe('--report', () => {
  it('does not overwrite a file without --force, and replaces it with --force', async () => {
    const source = importFile();
    const report = write('report.json', 'keep me');
    await refused(['import', source, '--system', lyon, '--report', report], /already exists; add --force/);
    expect(readFileSync(report, 'utf8')).toBe('keep me');
    const forced = await cli(
      ['import', source, '--system', lyon, '--dry-run', '--report', report, '--force'],
      fixture.env,
    );
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ mode: 'dry-run' });
  });

  it('refuses the imported file itself, even with --force', async () => {
    const source = importFile();
    const text = readFileSync(source, 'utf8');
    await refused(
      ['import', source, '--system', lyon, '--report', source, '--force'],
      /is the file being imported/,
    );
    expect(readFileSync(source, 'utf8')).toBe(text);
  });

  it('refuses a symbolic link, and leaves its target alone', async () => {
    const source = importFile();
    const target = write('elsewhere.txt', 'precious');
    const link = join(folder, 'report.csv');
    symlinkSync(target, link);
    await refused(['import', source, '--system', lyon, '--report', link, '--force'], /is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('refuses what is not a regular file', async () => {
    await refused(
      ['import', importFile(), '--system', lyon, '--report', folder, '--force'],
      /is not a regular file/,
    );
  });

  it('refuses a folder that does not exist before applying anything, and creates the report before applying', async () => {
    const source = importFile();
    await refused(
      ['import', source, '--system', lyon, '--report', join(folder, 'missing', 'report.json')],
      /the folder .*missing does not exist/,
    );
    expect(existsSync(join(folder, 'missing'))).toBe(false);
    const report = join(folder, 'report.json');
    const applied = await cli(
      ['import', source, '--system', lyon, '--report', report, '--json'],
      fixture.env,
    );
    expect(applied.code).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual(JSON.parse(applied.stdout));
  });

  it('is removed again when the command fails before writing it', async () => {
    const report = join(folder, 'report.json');
    const run = await cli(['import', importFile(), '--system', lyon, '--dry-run', '--report', report], {
      ...fixture.env,
      FIELDKIT_PASSWORD: 'wrong-password',
    });
    expect(run.code).toBe(3);
    expect(existsSync(report)).toBe(false);
  });
});

describe('a report that cannot be written after applying', () => {
  // A full disk is the failure that waits until the end: the report is created (empty) before applying, and only
  // its write fails. A 64 KiB tmpfs, filled, in a mount namespace of the CLI's own: nothing else sees it.
  it.skipIf(process.getuid?.() !== 0)(
    'prints what was applied, says the report was not written, and exits with the CloudPBX outcome',
    async () => {
      const mac = `48:7A:55:F7:${String(serial).padStart(2, '0')}:01`;
      const source = importFile();
      const full = join(folder, 'full-disk');
      mkdirSync(full);
      const script =
        'mount -t tmpfs -o size=64k tmpfs "$1" && { cat /dev/zero > "$1/filler" 2>/dev/null; true; } && shift && exec "$@"';
      const run = await spawned('unshare', [
        '--mount',
        '--propagation',
        'private',
        'sh',
        '-c',
        script,
        'sh',
        full,
        process.execPath,
        join(root, 'scripts', 'fieldkit.mjs'),
        'import',
        source,
        '--system',
        lyon,
        '--report',
        join(full, 'report.json'),
        '--json',
      ]);
      expect(run.stderr).toMatch(
        /Could not write the report to .*report\.json \(ENOSPC\); the summary printed is what happened/,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'apply', summary: { created: 1 } });
      const devices = fixture.simulator.tenant
        .listDevices(lyon)
        .filter((device) => device.macAddress === mac.replaceAll(':', '').toLowerCase());
      expect(devices).toHaveLength(1);
    },
  );
});

describe('--journal', () => {
  it('refuses the imported file itself, untouched', async () => {
    const source = importFile();
    const text = readFileSync(source, 'utf8');
    await refused(['import', source, '--system', lyon, '--journal', source], /is the file being imported/);
    expect(readFileSync(source, 'utf8')).toBe(text);
  });

  it('refuses a file that is not a journal (a shell rc file), untouched', async () => {
    const rc = write('.bashrc', 'alias ll="ls -l"\nexport PATH=$PATH:~/bin\n');
    await refused(
      ['import', importFile(), '--system', lyon, '--journal', rc],
      /is not a Fieldkit import journal; it is left as it is/,
    );
    expect(readFileSync(rc, 'utf8')).toBe('alias ll="ls -l"\nexport PATH=$PATH:~/bin\n');
  });

  it('refuses the journal of another file, untouched', async () => {
    const other = write('other.csv', 'mac,model\n48:7A:55:F7:99:01,8028s\n');
    const journal = join(folder, 'journal.jsonl');
    const first = await cli(['import', other, '--system', lyon, '--journal', journal], fixture.env);
    expect(first.code).toBe(0);
    const text = readFileSync(journal, 'utf8');
    await refused(
      ['import', importFile(), '--system', lyon, '--journal', journal],
      /is the journal of another file \(other\.csv\)/,
    );
    expect(readFileSync(journal, 'utf8')).toBe(text);
  });

  it('refuses a symbolic link', async () => {
    const target = write('target.jsonl', '');
    const link = join(folder, 'journal.jsonl');
    symlinkSync(target, link);
    await refused(['import', importFile(), '--system', lyon, '--journal', link], /is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('');
  });

  it('is applied by one process at a time: a live holder is named, a dead one is taken over', async () => {
    const source = importFile();
    const journal = join(folder, 'journal.jsonl');
    writeFileSync(`${journal}.lock`, `${process.pid}\n`);
    await refused(
      ['import', source, '--system', lyon, '--journal', journal],
      new RegExp(`in use by another Fieldkit \\(process ${process.pid}\\)`),
    );
    expect(existsSync(journal)).toBe(false);

    writeFileSync(`${journal}.lock`, `${await deadPid()}\n`);
    const run = await cli(['import', source, '--system', lyon, '--journal', journal], fixture.env);
    expect(run.code).toBe(0);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    expect(readFileSync(journal, 'utf8')).toContain('"type":"run"');
  });
});

describe('import --template FILE', () => {
  it('refuses a symbolic link and a missing folder', async () => {
    const target = write('target.csv', 'mine');
    const link = join(folder, 'template.csv');
    symlinkSync(target, link);
    await refused(['import', '--template', link], /already exists/);
    expect(readFileSync(target, 'utf8')).toBe('mine');
    await refused(['import', '--template', join(folder, 'missing', 't.csv')], /does not exist/);
    const written = join(folder, 'fresh.csv');
    expect((await cli(['import', '--template', written], fixture.env)).code).toBe(0);
    expect(readFileSync(written, 'utf8')).toBe(IMPORT_TEMPLATE);
  });
});
