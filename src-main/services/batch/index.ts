export { planPrepared, prepareImport, type PreparedImport } from './import-planner';
export type { CatalogInfo, ImportPlan, PlanChange, PlannedRow, RowAction, SubscriberRef } from './plan';
export { MAX_IMPORT_BYTES, readImportFile } from './read-import-file';
export {
  buildReport,
  reportVerdict,
  type ImportReport,
  type ReportMode,
  type ReportRow,
  type ReportSummary,
  type RowOutcome,
  type RowStatus,
} from './report';
export { reportToCsv } from './report-csv';
export type { RowProblem } from './row-problem';
export type { FileProblem, SourceTable } from './source-table';
export { IMPORT_TEMPLATE, IMPORT_TEMPLATE_FILE_NAME } from './template';
export {
  validateImport,
  type ImportValidation,
  type ValidateImportDeps,
  type ValidateImportRequest,
} from './validate-import';
