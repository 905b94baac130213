import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplyProgressEvent } from '../../../src-main/services/batch/types';
import { ApplyRun } from '../../../src-main/services/batch/apply/apply-run';
import { ImportJournal } from '../../../src-main/services/batch/apply/journal';
import { FieldkitError } from '../../../src-main/services/errors';
import { heldClient } from './support/held-client';
import { creationLines, planFile } from './support/plan-fixture';

const RUN_ID = '00000000-0000-4000-8000-000000000001';
let dir: string;
let events: ApplyProgressEvent[];
let listeners: ((event: ApplyProgressEvent) => void)[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldkit-run-'));
  events = [];
  listeners = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function newRun(concurrency: number): ApplyRun {
  return new ApplyRun({
    systemId: 'sys1',
    fileName: 'rollout.csv',
    content: new Uint8Array(),
    profileKey: 'demo',
    settings: { runId: RUN_ID, reassign: false, skipInvalid: false, concurrency },
    journalPath: join(dir, `${RUN_ID}.jsonl`),
    now: () => Date.parse('2024-07-19T09:00:00.000Z'),
    onProgress: (event) => {
      events.push(event);
      for (const listener of [...listeners]) listener(event);
    },
  });
}

/** The first progress event (already emitted or to come) that satisfies `test`. */
function progress(test: (event: ApplyProgressEvent) => boolean): Promise<ApplyProgressEvent> {
  const seen = events.find(test);
  if (seen !== undefined) return Promise.resolve(seen);
  return new Promise((resolve) => {
    const listener = (event: ApplyProgressEvent): void => {
      if (!test(event)) return;
      listeners.splice(listeners.indexOf(listener), 1);
      resolve(event);
    };
    listeners.push(listener);
  });
}

interface Written {
  type: string;
  line?: number;
  step?: string;
  outcome?: string;
  state?: string;
}

async function journalLines(): Promise<Written[]> {
  const text = await readFile(join(dir, `${RUN_ID}.jsonl`), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Written);
}

describe('an apply run', () => {
  it('starts no line while paused, lets the lines in flight finish, and goes on when resumed', async () => {
    const plan = await planFile(creationLines(6));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(2);
    const started = run.begin({
      plan,
      lines: new Set(plan.rows.map((row) => row.line)),
      outcomes: new Map(),
      client,
    });
    expect(started.run).toMatchObject({ runId: RUN_ID, state: 'running', total: 6, done: 0 });
    expect(started.rows.map((row) => row.status)).toEqual(Array(6).fill('planned'));

    await waitForCalls(2);
    expect(run.pause()).toMatchObject({ state: 'paused', inFlight: 2 });
    for (const call of calls) call.answer();
    const quiet = await progress((event) => event.state === 'paused' && event.inFlight === 0);
    expect(quiet).toMatchObject({ done: 2, total: 6, row: { status: 'done' } });

    // A line that slipped past the pause would have sent its create by the time the journal is read back.
    await journalLines();
    expect(calls).toHaveLength(2);

    expect(run.resume()).toMatchObject({ state: 'running' });
    for (let answered = 2; answered < 6; answered += 1) {
      await waitForCalls(answered + 1);
      calls[answered]?.answer();
    }
    await run.settled();
    const report = run.report();
    expect(report.run).toMatchObject({ state: 'finished', done: 6, inFlight: 0, notStarted: [] });
    expect(report.summary).toMatchObject({ created: 6, planned: 0, failed: 0 });
    expect(report.rows.every((row) => row.status === 'done')).toBe(true);
    expect((await journalLines()).at(-1)).toMatchObject({ type: 'end', state: 'finished' });
    expect(events.map((event) => event.state)).toContain('paused');
  });

  it('on cancel, finishes and journals the lines in flight and reports the others as not started', async () => {
    const plan = await planFile(creationLines(6));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(2);
    run.begin({ plan, lines: new Set(plan.rows.map((row) => row.line)), outcomes: new Map(), client });
    await waitForCalls(2);
    expect(run.cancel()).toMatchObject({ state: 'cancelling', inFlight: 2 });
    for (const call of calls) call.answer();
    await run.settled();

    const report = run.report();
    expect(report.run).toMatchObject({ state: 'cancelled', done: 2, notStarted: [4, 5, 6, 7] });
    expect(report.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'done'],
      [3, 'done'],
      [4, 'not-started'],
      [5, 'not-started'],
      [6, 'not-started'],
      [7, 'not-started'],
    ]);
    expect(calls).toHaveLength(2);
    const journal = await journalLines();
    const results = journal.filter((entry) => entry.type === 'result' && entry.outcome === 'ok');
    expect(results.map((entry) => entry.line)).toEqual([2, 3]);
    expect(journal.at(-1)).toMatchObject({ type: 'end', state: 'cancelled' });
    // Lines announced ahead but never started are settled: a resumed run has nothing to look up.
    const replayed = await ImportJournal.open(join(dir, `${RUN_ID}.jsonl`));
    expect(replayed.unresolvedCount()).toBe(0);
    await replayed.close();
    expect(events.at(-1)).toMatchObject({ state: 'cancelled' });
  });

  it('cancelling a paused run releases nothing and ends it', async () => {
    const plan = await planFile(creationLines(3));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(1);
    run.begin({ plan, lines: new Set(plan.rows.map((row) => row.line)), outcomes: new Map(), client });
    await waitForCalls(1);
    run.pause();
    calls[0]?.answer();
    await progress((event) => event.state === 'paused' && event.inFlight === 0);
    run.cancel();
    await run.settled();
    expect(run.report().run).toMatchObject({ state: 'cancelled', done: 1, notStarted: [3, 4] });
    expect(calls).toHaveLength(1);
  });

  it('stops on a lost session: the run fails, can be resumed, and its journal says so', async () => {
    const plan = await planFile(creationLines(4));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(1);
    run.begin({ plan, lines: new Set(plan.rows.map((row) => row.line)), outcomes: new Map(), client });
    await waitForCalls(1);
    calls[0]?.fail(new FieldkitError({ code: 'not-signed-in', message: 'The Rainbow session is closed.' }));
    await run.settled();
    const report = run.report();
    expect(report.run).toMatchObject({
      state: 'failed',
      error: { code: 'not-signed-in' },
      notStarted: [3, 4, 5],
    });
    expect(report.rows[0]).toMatchObject({ status: 'failed' });
    expect((await journalLines()).at(-1)).toMatchObject({ type: 'end', state: 'failed' });
    // The journal is appended to, never rewritten: the next pass finds the first one's entries.
    const replayed = await ImportJournal.open(join(dir, `${RUN_ID}.jsonl`));
    expect(replayed.stateOf('487a55aa0001')?.done.size).toBe(0);
    await replayed.close();
  });

  it('a lost session ends a paused run too, instead of leaving it waiting', async () => {
    const plan = await planFile(creationLines(4));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(2);
    run.begin({ plan, lines: new Set(plan.rows.map((row) => row.line)), outcomes: new Map(), client });
    await waitForCalls(2);
    run.pause();
    calls[1]?.answer();
    await progress((event) => event.done === 1);
    calls[0]?.fail(new FieldkitError({ code: 'not-signed-in', message: 'The Rainbow session is closed.' }));
    await run.settled();
    expect(run.report().run).toMatchObject({ state: 'failed', done: 2, notStarted: [4, 5] });
  });

  it('announces a line’s steps in one write, and settles the ones a failure kept from being sent', async () => {
    const plan = await planFile(creationLines(1, true));
    expect(plan.rows[0]?.action).toBe('create-assign');
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(1);
    run.begin({ plan, lines: new Set([2]), outcomes: new Map(), client });
    await waitForCalls(1);
    const announced = await journalLines();
    expect(announced.slice(1).map((entry) => `${entry.type}:${entry.step}`)).toEqual([
      'intent:create',
      'intent:assign',
    ]);
    calls[0]?.fail(new FieldkitError({ code: 'api-error', message: 'refused' }));
    await run.settled();
    expect(run.report().rows[0]).toMatchObject({ status: 'failed' });
    const journal = await ImportJournal.open(join(dir, `${RUN_ID}.jsonl`));
    expect(journal.unresolvedCount()).toBe(0);
    await journal.close();
  });

  it('keeps the journal readable after a line torn by a crash', async () => {
    const path = join(dir, `${RUN_ID}.jsonl`);
    writeFileSync(
      path,
      '{"type":"intent","at":"x","line":2,"identifier":"487a55aa0001","step":"create"}\n{"ty',
    );
    const plan = await planFile(creationLines(1));
    const { client, calls, waitForCalls } = heldClient();
    const run = newRun(1);
    run.begin({ plan, lines: new Set([2]), outcomes: new Map(), client });
    await waitForCalls(1);
    calls[0]?.answer();
    await run.settled();
    const types = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types).toEqual(['run', 'intent', 'result', 'end']);
  });
});
