import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportJournal, type JournalEntry } from '../../../src-main/services/batch/apply/journal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldkit-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ImportJournal appends', () => {
  it('written together by many workers, land whole, in the order they were made, each awaited on disk', async () => {
    const path = join(dir, 'many.jsonl');
    const journal = await ImportJournal.open(path, () => 0);
    const onDisk: boolean[] = [];
    await Promise.all(
      Array.from({ length: 300 }, async (_, index) => {
        await journal.recordIntent(index + 2, `id${index}`, 'create');
        onDisk[index] = readFileSync(path, 'utf8').includes(`"identifier":"id${index}"`);
      }),
    );
    await journal.close();
    expect(onDisk.every(Boolean)).toBe(true);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as Extract<JournalEntry, { type: 'intent' }>).line)).toEqual(
      Array.from({ length: 300 }, (_, index) => index + 2),
    );
  });

  it('writes a result before any later intent, and every result by the time it is closed', async () => {
    const path = join(dir, 'results.jsonl');
    const journal = await ImportJournal.open(path, () => 0);
    journal.recordResult({ line: 2, identifier: 'aa', step: 'create', outcome: 'ok', deviceId: 'd1' });
    await journal.recordIntent(3, 'bb', 'create');
    const types = (): string[] =>
      readFileSync(path, 'utf8')
        .trimEnd()
        .split('\n')
        .map((text) => JSON.parse(text) as JournalEntry & { line: number })
        .map((entry) => `${entry.type} ${entry.line}`);
    expect(types()).toEqual(['result 2', 'intent 3']);
    journal.recordResult({ line: 3, identifier: 'bb', step: 'create', outcome: 'ok', deviceId: 'd2' });
    await journal.close();
    expect(types()).toEqual(['result 2', 'intent 3', 'result 3']);
  });

  it('has every result queued so far on disk once flushed, while it stays open (a paused run at shutdown)', async () => {
    const path = join(dir, 'flushed.jsonl');
    const journal = await ImportJournal.open(path, () => 0);
    await journal.recordIntent(2, 'aa', 'create');
    for (let line = 2; line < 12; line += 1) {
      journal.recordResult({
        line,
        identifier: `id${line}`,
        step: 'create',
        outcome: 'ok',
        deviceId: `d${line}`,
      });
    }
    await journal.flush();
    const onDisk = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(onDisk).toHaveLength(11);
    expect(JSON.parse(onDisk.at(-1) ?? '')).toMatchObject({ type: 'result', line: 11 });
    await journal.recordIntent(12, 'bb', 'create');
    await journal.close();
  });

  it('writes a result on its own, without a flush or a later intent, while it stays open (a run paused)', async () => {
    const path = join(dir, 'alone.jsonl');
    const journal = await ImportJournal.open(path, () => 0);
    journal.recordResult({ line: 2, identifier: 'aa', step: 'create', outcome: 'ok', deviceId: 'd1' });
    await vi.waitFor(() => expect(readFileSync(path, 'utf8')).toContain('"type":"result"'), {
      timeout: 10_000,
    });
    await journal.close();
  });

  it('records how a run ended, and the steps each line of the file did', async () => {
    const path = join(dir, 'end.jsonl');
    const journal = await ImportJournal.open(path);
    await journal.recordResult({ line: 4, identifier: 'aa', step: 'create', outcome: 'ok', deviceId: 'd1' });
    await journal.recordResult({ line: 4, identifier: 'aa', step: 'assign', outcome: 'ok', deviceId: 'd1' });
    await journal.recordResult({ line: 5, identifier: 'bb', step: 'create', outcome: 'failed' });
    await journal.recordEnd('cancelled');
    await journal.close();
    const replayed = await ImportJournal.open(path);
    expect(replayed.lineState(4)).toEqual({ done: new Set(['create', 'assign']), deviceId: 'd1' });
    expect(replayed.lineState(5)).toBeUndefined();
    await replayed.close();
    expect((await ImportJournal.read(path)).at(-1)).toMatchObject({ type: 'end', state: 'cancelled' });
  });
});
