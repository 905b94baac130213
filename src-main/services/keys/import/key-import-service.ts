import type { AuditTrail } from '../../audit/audit-trail';
import type { ImportPlan } from '../../batch/plan';
import { readImportFile } from '../../batch/read-import-file';
import { buildReport } from '../../batch/report';
import type { ImportReport, ReportMode, RowOutcome } from '../../batch/types';
import { FieldkitError } from '../../errors';
import { applyKeyRows } from './apply-key-rows';
import { loadKeySheetDirectory, type KeySheetClient } from './key-sheet-directory';
import { prepareKeysSheet } from './keys-sheet';
import { identifiersOf, planKeyLines, type PlannedKeyRow } from './plan-key-lines';

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

/**
 * Keys in bulk: a keys sheet checked against the CloudPBX's devices as they are now, and applied. Every plan
 * reads the devices' keys again, so a line already applied (by an earlier run, or one interrupted) is skipped
 * and no key is ever created twice.
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

  /** Applies the plan; refused (nothing sent) while the file or a line is invalid. */
  async apply(request: KeyImportRequest & { concurrency: number }): Promise<ImportReport> {
    const plan = await this.#plan(request);
    const invalid = plan.rows.filter((row) => row.action === 'invalid').length;
    if (plan.fileErrors.length > 0 || invalid > 0) {
      throw new FieldkitError({
        code: 'invalid-input',
        message:
          plan.fileErrors.length > 0
            ? 'The keys sheet cannot be read as it is: nothing was applied.'
            : `${invalid} line${invalid === 1 ? ' is' : 's are'} invalid: nothing was applied.`,
        hint: 'See why with `fieldkit keys import FILE --dry-run`.',
      });
    }
    const { outcomes, abortedBy } = await applyKeyRows(plan.rows, {
      client: this.#deps.client(),
      audit: this.#deps.audit,
      systemId: request.systemId,
      concurrency: request.concurrency,
    });
    if (abortedBy !== undefined) throw abortedBy;
    return this.#report(plan, 'apply', outcomes);
  }

  async #plan(request: KeyImportRequest): Promise<KeyPlan> {
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
    const directory = await loadKeySheetDirectory(
      this.#deps.client(),
      request.systemId,
      identifiersOf(sheet.lines),
    );
    plan.catalog = { fetchedAt: new Date(this.#deps.now()).toISOString(), source: 'live' };
    plan.rows = planKeyLines(sheet.lines, sheet.columns, directory);
    return plan;
  }

  #report(plan: KeyPlan, mode: ReportMode, outcomes = new Map<number, RowOutcome>()): ImportReport {
    const report = buildReport(plan, mode, this.#deps.now(), outcomes);
    const changes = [...outcomes.values()].map((outcome) => outcome.keyChange);
    report.summary.keysCreated = changes.filter((change) => change === 'created').length;
    report.summary.keysReplaced = changes.filter((change) => change === 'replaced').length;
    return report;
  }
}
