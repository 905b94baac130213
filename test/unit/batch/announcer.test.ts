import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Announcer } from '../../../src-main/services/batch/apply/announcer';
import { linesToApply } from '../../../src-main/services/batch/apply/apply-plan';
import { stepsOf } from '../../../src-main/services/batch/apply/apply-row';
import { ImportJournal } from '../../../src-main/services/batch/apply/journal';
import { creationLines, planFile } from './support/plan-fixture';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldkit-announcer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Announcer', () => {
  it('writes intents ahead of the workers in batches of half the look-ahead, each line before it starts', async () => {
    const plan = await planFile(creationLines(20));
    const work = linesToApply(plan);
    const path = join(dir, 'journal.jsonl');
    const journal = await ImportJournal.open(path);
    const announcer = new Announcer(
      work,
      { client: {} as never, journal, systemId: plan.systemId },
      8,
      stepsOf,
    );
    const announcedLines = async (): Promise<number[]> =>
      (await ImportJournal.read(path)).flatMap((entry) => (entry.type === 'intent' ? [entry.line] : []));

    await announcer.starting(0);
    expect(await announcedLines()).toEqual(work.slice(0, 8).map((row) => row.line));
    // Lines 1–4 start with 4 or more lines announced from them on: nothing more is written.
    for (let index = 1; index <= 4; index += 1) await announcer.starting(index);
    expect(await announcedLines()).toHaveLength(8);
    // Line 5 finds 3: the next batch is written, up to 8 lines from it.
    await announcer.starting(5);
    expect(await announcedLines()).toEqual(work.slice(0, 13).map((row) => row.line));

    announcer.settleUnstarted();
    await journal.close();
    const notSent = (await ImportJournal.read(path)).flatMap((entry) =>
      entry.type === 'result' && entry.outcome === 'not-sent' ? [entry.line] : [],
    );
    expect(notSent).toEqual(work.slice(6, 13).map((row) => row.line));
  });
});
