import type { AuditTrail } from '../../audit/audit-trail';
import type { Catalog } from '../../catalog';
import type { ImportPlan } from '../../batch/plan';
import { readImportFile } from '../../batch/read-import-file';
import { buildReport } from '../../batch/report';
import type { ImportReport } from '../../batch/types';
import type { RowApplier } from '../../batch/apply/apply-plan';
import { keyRowApplier } from './apply-key-rows';
import { cachedKeySheetDirectory } from './cached-key-directory';
import { loadKeySheetDirectory, type KeySheetClient } from './key-sheet-directory';
import { prepareKeysSheet } from './keys-sheet';
import { identifiersOf, placeOf, planKeyLines, type PlannedKeyRow } from './plan-key-lines';

export interface KeyImportDeps {
  /** The signed-in client (throws `not-signed-in` otherwise). */
  client: () => KeySheetClient;
  audit: AuditTrail;
  now: () => number;
}

export interface KeyImportRequest {
  systemId: string;
  fileName: string;
  content: Uint8Array;
}

type KeyPlan = ImportPlan & { rows: PlannedKeyRow[] };

const OFFLINE_DETAIL =
  'Valid against the cached catalogue; whether it creates, replaces or keeps the key (and whether a service or ' +
  'system key holds its place) needs the device’s keys: check online before applying';

/**
 * Keys in bulk: a keys sheet checked against the CloudPBX's devices as they are now, and planned for the apply
 * engine's runs. Every plan reads the devices' keys again, so a line already applied (by an earlier run, or one
 * interrupted) is skipped and no key is ever created twice.
 */
export class KeyImportService {
  readonly #deps: KeyImportDeps;

  constructor(deps: KeyImportDeps) {
    this.#deps = deps;
  }

  /** The plan: what each line would do (create, replace, skip) or why it is invalid. Sends nothing. */
  async check(request: KeyImportRequest): Promise<ImportReport> {
    return this.#report(await this.#plan(request), 'dry-run');
  }

  /**
   * Checks the sheet offline against a cached catalogue: every rule but those that need the devices' keys now
   * (the action of each line, a service or system key at its place), which each valid line says.
   */
  async checkOffline(request: KeyImportRequest, catalog: Catalog): Promise<ImportReport> {
    const plan = await this.#plan(request, catalog);
    for (const row of plan.rows) {
      if (row.draft !== undefined) row.detail = `${OFFLINE_DETAIL} (${placeOf(row.draft)}).`;
    }
    return this.#report(plan, 'validate');
  }

  /**
   * What a run of the apply engine needs to apply the sheet (its journal, resume and report are the engine's):
   * the plan as the devices' keys are now, and how its lines are carried out.
   */
  async planRun(request: KeyImportRequest): Promise<{ plan: ImportPlan; rows: RowApplier }> {
    const plan = await this.#plan(request);
    const rows = keyRowApplier(plan.rows, {
      client: this.#deps.client(),
      audit: this.#deps.audit,
      systemId: request.systemId,
    });
    return { plan, rows };
  }

  /** Planned against the live devices' keys, or against `catalog` (offline: no device has keys there). */
  async #plan(request: KeyImportRequest, catalog?: Catalog): Promise<KeyPlan> {
    const table = await readImportFile(request.fileName, request.content);
    const sheet = prepareKeysSheet(table);
    const plan: KeyPlan = {
      fileName: request.fileName,
      format: table.format,
      systemId: request.systemId,
      fileErrors: sheet.fileErrors,
      fileWarnings: sheet.fileWarnings,
      rows: [],
    };
    if (table.delimiter !== undefined) plan.delimiter = table.delimiter;
    if (sheet.lines.length === 0) return plan;
    if (catalog !== undefined) {
      const directory = cachedKeySheetDirectory(catalog);
      plan.catalog = {
        fetchedAt: catalog.fetchedAt,
        source: 'cache',
        ...(catalog.systemName === undefined ? {} : { systemName: catalog.systemName }),
      };
      plan.rows = planKeyLines(sheet.lines, sheet.columns, directory);
      return plan;
    }
    const directory = await loadKeySheetDirectory(
      this.#deps.client(),
      request.systemId,
      identifiersOf(sheet.lines),
    );
    plan.catalog = { fetchedAt: new Date(this.#deps.now()).toISOString(), source: 'live' };
    plan.rows = planKeyLines(sheet.lines, sheet.columns, directory);
    return plan;
  }

  #report(plan: KeyPlan, mode: 'dry-run' | 'validate'): ImportReport {
    const report = buildReport(plan, mode, this.#deps.now(), new Map());
    report.summary.keysCreated = 0;
    report.summary.keysReplaced = 0;
    return report;
  }
}
