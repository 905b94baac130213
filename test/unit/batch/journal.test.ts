import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultJournalPath, ImportJournal } from '../../../src-main/services/batch/apply/journal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldkit-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ImportJournal', () => {
  it('writes one JSON line per step, user-only, and replays them', async () => {
    const path = join(dir, 'j', 'run.jsonl');
    const journal = await ImportJournal.open(path, () => 0);
    await journal.recordRun({ systemId: 's', fileName: 'f.csv', fileHash: 'h' });
    await Promise.all([
      journal.recordIntent(2, 'aa', 'create'),
      journal.recordIntent(3, 'bb', 'create'),
      journal.recordResult({ line: 2, identifier: 'aa', step: 'create', outcome: 'ok', deviceId: 'd1' }),
    ]);
    await journal.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { type: string }).type)).toEqual([
      'run',
      'intent',
      'intent',
      'result',
    ]);

    const replayed = await ImportJournal.open(path);
    expect(replayed.stateOf('aa')?.done.get('create')).toBe('d1');
    expect(replayed.stateOf('aa')?.unresolved.size).toBe(0);
    expect(replayed.stateOf('bb')?.unresolved.has('create')).toBe(true);
    expect(replayed.unresolvedCount()).toBe(1);
    await replayed.close();
  });

  it('ignores a line torn by a crash, and counts an unknown outcome as unresolved', async () => {
    const path = join(dir, 'torn.jsonl');
    writeFileSync(
      path,
      '{"type":"intent","at":"x","line":2,"identifier":"aa","step":"assign"}\n' +
        '{"type":"result","at":"x","line":2,"identifier":"aa","step":"assign","outcome":"unknown"}\n{"type":"resu',
    );
    const journal = await ImportJournal.open(path);
    expect(journal.stateOf('aa')?.unresolved.has('assign')).toBe(true);
    await journal.close();
    expect(await ImportJournal.exists(join(dir, 'none.jsonl'))).toBe(false);
  });

  it('names the default journal after the file content', () => {
    const a = defaultJournalPath('/data', new TextEncoder().encode('mac,model\n'));
    expect(a).toMatch(/^\/data\/journals\/[0-9a-f]{32}\.jsonl$/);
    expect(defaultJournalPath('/data', new TextEncoder().encode('mac,model\n'))).toBe(a);
    expect(defaultJournalPath('/data', new TextEncoder().encode('mac,model\nx\n'))).not.toBe(a);
  });
});
