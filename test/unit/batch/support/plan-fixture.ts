import {
  planPrepared,
  prepareImport,
  readImportFile,
  type ImportPlan,
} from '../../../../src-main/services/batch';
import type { Catalog } from '../../../../src-main/services/catalog';
import { fixtureCatalog, SYSTEM_ID } from './catalog-fixture';

/** Reads and plans a CSV text against the fixture catalogue, as an online validation would. */
export async function planFile(
  content: string,
  options: { reassign?: boolean; catalog?: Catalog } = {},
): Promise<ImportPlan> {
  const bytes = new TextEncoder().encode(content);
  const prepared = prepareImport('rollout.csv', SYSTEM_ID, await readImportFile('rollout.csv', bytes));
  return planPrepared(
    prepared,
    { catalog: options.catalog ?? fixtureCatalog(), source: 'live' },
    {
      reassign: options.reassign ?? false,
    },
  );
}

/** `count` lines creating 8028s deskphones 48:7A:55:AA:00:01…, each for subscriber 81003 when `assign`. */
export function creationLines(count: number, assign = false): string {
  const lines = ['mac,model,subscriber'];
  for (let index = 1; index <= count; index += 1) {
    const mac = `48:7A:55:AA:00:${index.toString(16).padStart(2, '0')}`;
    lines.push(`${mac},8028s,${assign ? '81003' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
