// Two cores on one data folder (the app and a CLI beside it, or two windows' hosts) each keep their own staged
// uploads: a store starting never removes what a running one staged, only what ended processes left behind.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadStore } from '../../../src-main/services/files/upload-store';
import { deadPid } from '../../support/dead-pid';

let folder: string;
const stores: UploadStore[] = [];

beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'fieldkit-uploads-')), 'uploads');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

function store(): UploadStore {
  const created = new UploadStore({ folder, maxBytes: 1024, ttlMs: 60_000, maxFiles: 4, now: Date.now });
  stores.push(created);
  return created;
}

describe('upload stores sharing a data folder', () => {
  it('keeps what a running store staged when another one starts', async () => {
    const first = store();
    const fileId = await first.receive([new TextEncoder().encode('mac,model\n')]);
    await store().receive([new TextEncoder().encode('other')]);
    expect(new TextDecoder().decode(await first.read(fileId))).toBe('mac,model\n');
  });

  it('removes what a store of an ended process left, and files of no store', async () => {
    const orphan = join(folder, `${await deadPid()}.left-behind`);
    mkdirSync(orphan, { recursive: true });
    writeFileSync(join(orphan, 'old.upload'), 'old');
    writeFileSync(join(folder, 'stray.upload'), 'stray');
    await store().receive([new TextEncoder().encode('new')]);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(new RegExp(`^${process.pid}\\.`))]);
  });

  it('removes its own folder when it closes, and only that', async () => {
    const first = store();
    const second = store();
    await first.receive([new TextEncoder().encode('a')]);
    await second.receive([new TextEncoder().encode('b')]);
    expect(readdirSync(folder)).toHaveLength(2);
    await first.close();
    expect(readdirSync(folder)).toHaveLength(1);
  });
});
