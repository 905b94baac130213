import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureCreated } from '../../../src-main/services/batch/apply/create-step';
import type { ApplyClient } from '../../../src-main/services/batch/apply/journalled';
import { ImportJournal } from '../../../src-main/services/batch/apply/journal';
import type { PlannedRow } from '../../../src-main/services/batch/plan';
import { FieldkitError } from '../../../src-main/services/errors';
import { OutcomeUnknownError } from '../../../src-main/services/rainbow/outcome-unknown';
import type { Device } from '../../../src-main/services/rainbow/types';
import { creationLines, planFile } from './support/plan-fixture';

let dir: string;
let journal: ImportJournal;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldkit-create-step-'));
  journal = await ImportJournal.open(join(dir, 'run.jsonl'));
});
afterEach(async () => {
  await journal.close();
  rmSync(dir, { recursive: true, force: true });
});

async function firstRow(): Promise<PlannedRow> {
  const [row] = (await planFile(creationLines(1))).rows;
  if (row === undefined) throw new Error('the fixture plans no line');
  return row;
}

/**
 * A CloudPBX that acts on the first create only after the client gave up on it and after the look-up that
 * followed: the second create then meets the device the first one made (409).
 */
function lateActingClient(row: PlannedRow): { client: ApplyClient; creates: () => number } {
  let stored: Device | undefined;
  let creates = 0;
  const device = { id: 'dev-1', macAddress: row.identifier, deviceType: { id: row.model?.id } } as Device;
  const client: ApplyClient = {
    createDevice: async () => {
      creates += 1;
      if (creates === 1) {
        throw new OutcomeUnknownError({ code: 'outcome-unknown', message: 'the answer was lost' });
      }
      if (stored !== undefined) throw new FieldkitError({ code: 'conflict', message: 'already registered' });
      return (stored = device);
    },
    listDevices: async () => {
      const found = stored === undefined ? [] : [stored];
      stored ??= device; // the lost create lands on the server right after this look-up
      return found;
    },
    assignDevice: () => Promise.reject(new Error('not expected')),
    unassignDevice: () => Promise.reject(new Error('not expected')),
    getDevice: () => Promise.reject(new Error('not expected')),
  };
  return { client, creates: () => creates };
}

describe('creating a device whose first answer was lost', () => {
  it('counts the device as created by this line when the server acted late and the retry meets it', async () => {
    const row = await firstRow();
    const { client, creates } = lateActingClient(row);

    const creation = await ensureCreated(row, { client, journal, systemId: 'sys1' }, false);

    expect(creation).toEqual({ deviceId: 'dev-1', created: true });
    expect(creates()).toBe(2);
  });

  it('still says "already there" when no attempt of this line was lost', async () => {
    const row = await firstRow();
    const existing = { id: 'dev-0', macAddress: row.identifier, deviceType: { id: row.model?.id } } as Device;
    const client: ApplyClient = {
      createDevice: () =>
        Promise.reject(new FieldkitError({ code: 'conflict', message: 'already registered' })),
      listDevices: async () => [existing],
      assignDevice: () => Promise.reject(new Error('not expected')),
      unassignDevice: () => Promise.reject(new Error('not expected')),
      getDevice: () => Promise.reject(new Error('not expected')),
    };

    const creation = await ensureCreated(row, { client, journal, systemId: 'sys1' }, false);

    expect(creation).toEqual({ deviceId: 'dev-0', created: false });
  });
});
