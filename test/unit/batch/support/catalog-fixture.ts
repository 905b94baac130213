import type { Catalog } from '../../../../src-main/services/catalog';
import {
  planPrepared,
  prepareImport,
  readImportFile,
  buildReport,
} from '../../../../src-main/services/batch';
import type { ImportReport, ReportMode } from '../../../../src-main/services/batch';

export const SYSTEM_ID = 'sys1';
export const FETCHED_AT = '2024-07-19T06:00:00.000Z';
export const NOW = Date.parse('2024-07-19T09:00:00.000Z');

/** A small CloudPBX: a few models of each category, subscribers (one holding two numbers), three devices. */
export function fixtureCatalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    version: 1,
    systemId: SYSTEM_ID,
    systemName: 'Lyon HQ',
    fetchedAt: FETCHED_AT,
    models: [
      { id: 13, model: '8018', vendor: 'ALE', category: 'deskphone' },
      { id: 14, model: '8028s', vendor: 'ALE', category: 'deskphone' },
      { id: 16, model: '8068s', vendor: 'ALE', category: 'deskphone' },
      { id: 23, model: 'M5', vendor: 'ALE', category: 'deskphone' },
      { id: 999998, model: '8214DECT', vendor: 'ALE', category: 'dectmobile' },
      { id: 999999, model: 'Generic SIP', vendor: 'ALE', category: 'uncategorized' },
    ],
    subscribers: [
      {
        id: 'pn1',
        shortNumber: '81001',
        firstName: 'Camille',
        lastName: 'Martin',
        loginEmail: 'camille.martin@demo.test',
      },
      {
        id: 'pn2',
        shortNumber: '81002',
        firstName: 'Lucas',
        lastName: 'Bernard',
        loginEmail: 'lucas.bernard@demo.test',
      },
      {
        id: 'pn3',
        shortNumber: '81003',
        firstName: 'Chloé',
        lastName: 'Dubois',
        loginEmail: 'chloe.dubois@demo.test',
      },
      {
        id: 'pn4',
        shortNumber: '0123',
        firstName: 'Zoé',
        lastName: 'Morel',
        loginEmail: 'zoe.morel@demo.test',
      },
      {
        id: 'pn5',
        shortNumber: '81010',
        firstName: 'Hugo',
        lastName: 'Thomas',
        loginEmail: 'boss@demo.test',
      },
      {
        id: 'pn6',
        shortNumber: '81011',
        firstName: 'Hugo',
        lastName: 'Thomas',
        loginEmail: 'boss@demo.test',
      },
      { id: 'pn7', shortNumber: '81090' },
    ],
    devices: [
      {
        id: 'dev1',
        macAddress: '487a550a1b01',
        deviceTypeId: 14,
        model: '8028s',
        description: 'Reception',
        phoneNumberId: 'pn1',
        shortNumber: '81001',
      },
      { id: 'dev2', macAddress: '487a550a1b02', deviceTypeId: 16, model: '8068s', description: 'Spare' },
      {
        id: 'dev3',
        ipei: '03807e7898',
        deviceTypeId: 999998,
        model: '8214DECT',
        description: 'Handset',
        phoneNumberId: 'pn2',
        shortNumber: '81002',
      },
    ],
    ...overrides,
  };
}

export interface CheckOptions {
  mode?: ReportMode;
  reassign?: boolean;
  catalog?: Catalog;
  previous?: Catalog;
  fileName?: string;
}

/** Reads, checks and plans a file against the fixture catalogue, as an offline validation does. */
export async function checkFile(
  content: string | Uint8Array,
  options: CheckOptions = {},
): Promise<ImportReport> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const fileName = options.fileName ?? 'rollout.csv';
  const table = await readImportFile(fileName, bytes);
  const prepared = prepareImport(fileName, SYSTEM_ID, table);
  const catalog = options.catalog ?? fixtureCatalog();
  const choice =
    options.previous === undefined
      ? { catalog, source: 'cache' as const }
      : { catalog, source: 'live' as const, previous: options.previous };
  const plan = planPrepared(prepared, choice, { reassign: options.reassign ?? false });
  return buildReport(plan, options.mode ?? 'validate', NOW);
}

/** `['mac,model', 'x,y']` → CSV text with LF line ends. */
export function csv(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
