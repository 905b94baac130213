// Crash proof: the real CLI (the build in $FIELDKIT_OUT, default out/) imports 500 lines (create + assign) and is
// killed with SIGKILL ten times, each time after a random number of journal lines, each time followed by
// `--resume`; the simulator runs in this process and outlives every CLI. The CloudPBX must end exactly as the
// file wants: every device once, each with its subscriber.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src-main/services/batch';
import { DEMO_SYSTEM_IDS, startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { differences, generateImport } from './import-fixture';
import { envFor, scratchDir } from './support';
import { seededRandom } from './seeded-random';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const out = process.env.FIELDKIT_OUT ?? 'out';
const lyon = DEMO_SYSTEM_IDS.lyon;
const LINES = 500;
const KILLS = 10;
/** At most this many journal lines between two kills: ten of them stay well inside one import's ~2,000. */
const MAX_LINES_BETWEEN_KILLS = 120;
const SEED = Number(process.env.FIELDKIT_CRASH_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);
const scratch = scratchDir();
let simulator: RunningSimulator;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!existsSync(join(root, out, 'main', 'cli.js'))) {
    throw new Error(`No CLI build in ${out}/: run \`FIELDKIT_OUT=${out} npx electron-vite build\` first.`);
  }
  simulator = await startSimulator({ port: 0 });
  env = { ...process.env, ...envFor(simulator, join(scratch.path, 'data')), FIELDKIT_OUT: out };
});

afterAll(async () => {
  await simulator.close();
  scratch.remove();
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function fieldkit(args: string[]): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [join(root, 'scripts', 'fieldkit.mjs'), ...args], { env, cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<Ended>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, ended };
}

function journalLineCount(path: string): number {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, 'utf8');
  return text.length - text.replaceAll('\n', '').length;
}

/** Runs the import and kills it with SIGKILL as soon as the journal holds `target` lines (watched, not polled). */
async function runUntilKilled(args: string[], journal: string, target: number): Promise<Ended> {
  const watcher = watch(dirname(journal), () => {
    if (journalLineCount(journal) >= target) run.child.kill('SIGKILL');
  });
  const run = fieldkit(args);
  try {
    return await run.ended;
  } finally {
    watcher.close();
  }
}

describe(`an import killed ${KILLS} times (seed ${SEED}; FIELDKIT_CRASH_SEED=${SEED} replays it)`, () => {
  it('resumes each time, and ends with every device exactly once, assigned, none missing', async () => {
    const { csv, wanted } = generateImport(simulator.tenant, lyon, LINES, 9);
    const file = join(scratch.path, 'crash.csv');
    writeFileSync(file, csv);
    const journal = join(scratch.path, 'journal', 'crash.jsonl');
    mkdirSync(dirname(journal));
    const args = ['import', file, '--system', lyon, '--journal', journal, '--concurrency', '8'];

    const kills: { at: number; target: number }[] = [];
    for (let cycle = 0; cycle < KILLS; cycle += 1) {
      const target = journalLineCount(journal) + 1 + Math.floor(random() * MAX_LINES_BETWEEN_KILLS);
      const ended = await runUntilKilled(cycle === 0 ? args : [...args, '--resume'], journal, target);
      expect(
        ended.signal,
        `seed ${SEED}, cycle ${cycle}: the CLI ended before the kill\n${ended.stderr}`,
      ).toBe('SIGKILL');
      kills.push({ at: journalLineCount(journal), target });
    }
    const present = [...wanted.keys()].filter((mac) => simulator.tenant.findDeviceByIdentifier(lyon, mac));
    expect(present.length, `seed ${SEED}: the kills left nothing to resume`).toBeLessThan(LINES);

    const last = await fieldkit([...args, '--resume', '--json']).ended;
    expect(last.code, `seed ${SEED}, kills ${JSON.stringify(kills)}\n${last.stderr}`).toBe(0);
    const report = JSON.parse(last.stdout) as ImportReport;
    expect(report.summary).toMatchObject({ rows: LINES, failed: 0, invalid: 0 });
    expect(
      differences(simulator.tenant, lyon, wanted),
      `seed ${SEED}, kills ${JSON.stringify(kills)}`,
    ).toEqual([]);

    // Every run left its mark in the one journal: each resumed from what the ones before it wrote.
    const runs = readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"type":"run"'));
    expect(runs).toHaveLength(KILLS + 1);
  }, 180_000);
});
