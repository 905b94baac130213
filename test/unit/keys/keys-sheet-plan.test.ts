import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src-main/services/batch';
import type { SourceTable } from '../../../src-main/services/batch/source-table';
import { isKeysSheetHeader, prepareKeysSheet } from '../../../src-main/services/keys/import/keys-sheet';
import { planKeyLines, type KeySheetDirectory } from '../../../src-main/services/keys/import/plan-key-lines';
import type { KeyTarget, ProgrammableKey } from '../../../src-main/shared/keys';

const MAC = '3c28a6000001';

/** An M5-like phone with 28 keys and one EM_20 at position 1. */
function target(existing: ProgrammableKey[]): KeyTarget {
  return {
    modelName: 'M5',
    modelInfo: {
      programmableKeys: 28,
      nbOfSoftKeyPages: 4,
      can_speeddial: true,
      can_monitor: true,
      can_forward: false,
      has_headset: true,
      supportedModules: [{ type: 'EM_20', programmableKeys: 20, nbOfSoftKeyPages: 1 }],
    },
    modules: [{ moduleId: 1, type: 'EM_20' }],
    existing,
    subscriberIsUser: (id) => (id === 'pn-user' ? true : id === 'pn-group' ? false : undefined),
  };
}

function directory(existing: ProgrammableKey[] = []): KeySheetDirectory {
  return {
    device: (_kind, identifier) =>
      identifier === MAC ? { deviceId: 'dev-1', target: target(existing) } : undefined,
    subscriber: (short) =>
      short === '81001'
        ? { phoneNumberId: 'pn-user' }
        : short === '82000'
          ? { phoneNumberId: 'pn-group' }
          : undefined,
  };
}

function table(header: string[], ...rows: string[][]): SourceTable {
  return {
    format: 'csv',
    header: { line: 1, cells: header },
    rows: rows.map((cells, index) => ({ line: index + 2, cells })),
    errors: [],
  };
}

const HEADER = ['MAC', 'Module', 'Key_Num', 'Key Type', 'Display Name', 'Number', 'Short Number', 'Group ID'];

function plan(rows: string[][], existing: ProgrammableKey[] = []) {
  const sheet = prepareKeysSheet(table(HEADER, ...rows));
  expect(sheet.fileErrors).toEqual([]);
  return planKeyLines(sheet.lines, sheet.columns, directory(existing));
}

describe('keys sheet header', () => {
  it('reads forgiving headings and tells a keys sheet from a device sheet', () => {
    const sheet = prepareKeysSheet(table(HEADER, [MAC, '', '1', 'headset', '', '', '', '']));
    expect(Object.keys(sheet.columns).sort()).toEqual(
      ['group', 'key', 'label', 'mac', 'module', 'number', 'subscriber', 'type'].sort(),
    );
    expect(isKeysSheetHeader(HEADER)).toBe(true);
    expect(isKeysSheetHeader(['mac', 'model', 'description', 'subscriber'])).toBe(false);
  });

  it('sends a keys sheet given as a device sheet to the keys import', () => {
    const asDevices = prepareImport(
      'keys.csv',
      'system',
      table(HEADER, [MAC, '', '1', 'headset', '', '', '', '']),
    );
    expect(asDevices.readable).toBe(false);
    expect(asDevices.plan.fileErrors).toEqual([
      { line: 1, code: 'keys-sheet', message: expect.stringContaining('This is a keys sheet') },
    ]);
    // Its mac, type, label and number columns alone would pass for a device sheet's mac, model, description, subscriber.
    const lookalike = prepareImport(
      'keys.csv',
      'system',
      table(['mac', 'key', 'type', 'label', 'number'], [MAC, '1', 'headset', '', '']),
    );
    expect(lookalike.plan.fileErrors[0]?.message).toContain('This is a keys sheet');
  });

  it('says which columns are missing and reads no line then', () => {
    const sheet = prepareKeysSheet(table(['mac', 'label'], [MAC, 'x']));
    expect(sheet.lines).toEqual([]);
    expect(sheet.fileErrors.map((problem) => problem.message)).toEqual([
      expect.stringContaining('no "key" column'),
      expect.stringContaining('no "type" column'),
    ]);
  });
});

describe('keys sheet plan', () => {
  it('creates a free key, replaces a different one and skips one already as wanted', () => {
    const existing: ProgrammableKey[] = [
      { keyNum: 1, keyType: 'speeddial', keyOwner: 'admin', displayName: 'Taxi', number: '+33478000000' },
      { keyNum: 2, keyType: 'headset', keyOwner: 'admin' },
    ];
    const rows = plan(
      [
        [MAC, '0', '1', 'speed dial', 'Taxi', '+33478000000', '', ''],
        [MAC, '', '2', 'monitor', '', '', '81001', ''],
        [MAC, '1', '5', 'MONITOR', '', '', '81001', ''],
      ],
      existing,
    );
    expect(rows.map((row) => row.action)).toEqual(['skip', 'replace', 'create']);
    expect(rows[1]?.draft).toEqual({ keyNum: 2, keyType: 'monitor', moduleId: 0, phoneNumberId: 'pn-user' });
    expect(rows[1]?.detail).toBe('Replace key 2 (now a headset key) with monitor 81001.');
    expect(rows[2]?.detail).toBe('Create key 5 of module 1: monitor 81001.');
  });

  it('names line, column and why for each refused key, with the validator’s own words', () => {
    const rows = plan(
      [
        [MAC, '0', '29', 'headset', '', '', '', ''],
        [MAC, '0', '3', 'forward', 'Fwd', '+336', '', ''],
        [MAC, '0', '4', 'monitor', '', '', '82000', ''],
        [MAC, '0', '5', 'speeddial', '', '+33600000000', '', ''],
        [MAC, '0', '6', 'huntgroup', '', '', '', ''],
        [MAC, '2', '1', 'headset', '', '', '', ''],
        [MAC, '0', '8', 'monitor', '', '', '81999', ''],
        [MAC, '0', '9', 'dance', '', '', '', ''],
        ['3c28a6000002', '0', '1', 'headset', '', '', '', ''],
        [MAC, '0', '7', 'headset', '', '', '', ''],
      ],
      [{ keyNum: 7, keyType: 'reserved', keyOwner: 'system' }],
    );
    const first = rows.map((row) => [row.errors[0]?.column, row.errors[0]?.message]);
    expect(first).toEqual([
      ['C', 'The M5 has keys 1 to 28; 29 is not one.'],
      ['D', 'The M5 has no forward keys.'],
      ['G', 'A monitor key watches a user only; this subscriber has none.'],
      ['E', 'An external speed dial needs a label.'],
      ['H', 'A hunt-group key needs the group it logs in and out of.'],
      ['B', 'The device has no expansion module at position 2.'],
      ['G', 'The CloudPBX has no subscriber with the short number "81999".'],
      [
        'D',
        '"dance" is not a key type: give one of speeddial, monitor, forward, headset, huntgroup, audio_hub.',
      ],
      ['A', expect.stringContaining('No device with this MAC address is on the CloudPBX')],
      ['C', 'Key 7 is reserved by the phone (system key): it cannot be changed.'],
    ]);
    expect(rows.every((row) => row.action === 'invalid' && row.draft === undefined)).toBe(true);
  });

  it('flags two lines for the same key of the same device on both', () => {
    const rows = plan([
      [MAC, '', '3', 'headset', '', '', '', ''],
      [MAC, '0', '3', 'monitor', '', '', '81001', ''],
      [MAC, '1', '3', 'headset', '', '', '', ''],
    ]);
    expect(rows.map((row) => row.action)).toEqual(['invalid', 'invalid', 'create']);
    expect(rows[0]?.errors[0]?.message).toBe('Line 3 also sets key 3 of this device: keep one line per key.');
    expect(rows[1]?.errors[0]?.message).toBe('Line 2 also sets key 3 of this device: keep one line per key.');
  });
});
