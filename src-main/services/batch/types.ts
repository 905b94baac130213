/**
 * The shapes an import's result is made of: what crosses to the renderer (types only, no Node code), what
 * `--json` prints and what the report files hold.
 */
import type { FieldkitErrorData } from '../errors';

export type FileFormat = 'csv' | 'xlsx';
export type Delimiter = ',' | ';' | '\t';

/** A problem with the file as a whole or with one line of it that is not about a column of a device row. */
export interface FileProblem {
  /** 0 when the problem is not on one line (an empty file, a file that is not a spreadsheet). */
  line: number;
  message: string;
  /** `keys-sheet`: the file is a keys sheet given as a device sheet (the Import screen switches to keys). */
  code?: 'keys-sheet';
}

/** One thing wrong with one line, located by field (and column, when the field has one in the file). */
export interface RowProblem {
  /** The field (`mac`, `model`, …), or `row` for the line as a whole. */
  field: string;
  message: string;
  /** Spreadsheet column letter, e.g. `B`. */
  column?: string;
  /** The column's heading as written in the file. */
  heading?: string;
  /** A corrected value, when one is likely (a model name, a MAC with its zeros restored). */
  suggestion?: string;
}

/**
 * What a line will do. `create-assign` creates the device then assigns it; `reassign` moves a device that
 * another subscriber holds (only when reassignment is allowed); `skip` is a line already in the wanted state.
 * `replace` (keys sheets): a key takes the place of a different one.
 */
export type RowAction = DeviceRowAction | 'replace';
export type DeviceRowAction = 'create' | 'create-assign' | 'assign' | 'reassign' | 'skip' | 'invalid';

/** How the plan differs from the one the cached catalogue gave, line by line. */
export interface PlanChange {
  line: number;
  id: string;
  before: RowAction;
  after: RowAction;
  message: string;
}

/** `validate` checks, `dry-run` shows the plan, `apply` carries it out. */
export type ReportMode = 'validate' | 'dry-run' | 'apply';
/** `not-started`: an apply that was cancelled or interrupted never reached the line. */
export type RowStatus = 'planned' | 'done' | 'skipped' | 'failed' | 'invalid' | 'valid' | 'not-started';

/** What applying one line did; the apply step hands these to `buildReport`. */
export interface RowOutcome {
  status: 'done' | 'skipped' | 'failed' | 'not-started';
  deviceId?: string;
  created?: boolean;
  assigned?: boolean;
  /** Keys sheets: what the line did to its key. */
  keyChange?: 'created' | 'replaced';
  error?: RowProblem;
}

export interface ReportRow {
  line: number;
  id: string;
  action: RowAction;
  status: RowStatus;
  /** The CloudPBX's id of the device: the existing one, or the one created; null while there is none. */
  deviceId: string | null;
  errors: readonly RowProblem[];
  kind?: 'mac' | 'ipei';
  model?: string;
  /** "81004 Hugo Thomas" */
  subscriber?: string;
  description?: string;
  detail: string;
  warnings: readonly string[];
}

export interface ReportSummary {
  rows: number;
  created: number;
  assigned: number;
  skipped: number;
  failed: number;
  invalid: number;
  /** Lines a dry run would apply. */
  planned: number;
  /** Lines a validation found ready to apply. */
  valid: number;
  /** Keys sheets only: keys created on a free place, and keys that took the place of a different one. */
  keysCreated?: number;
  keysReplaced?: number;
}

/**
 * The one shape of an import's result: what `--json` prints, what the report files hold and what the Import
 * screen shows, whether it comes from a validation, a dry run or an apply.
 */
export interface ImportReport {
  mode: ReportMode;
  file: { name: string; format: FileFormat; delimiter?: Delimiter };
  system: { id: string; name?: string };
  /** Absent when the file could not be read, so no catalogue was needed. */
  catalog?: { fetchedAt: string; source: 'live' | 'cache'; ageSeconds: number };
  summary: ReportSummary;
  fileErrors: FileProblem[];
  fileWarnings: FileProblem[];
  changes?: { previousFetchedAt: string; rows: PlanChange[] };
  /** Apply reports of the app: the run and where it stands. */
  run?: ApplyRunInfo;
  /** The file compared with the latest LAN discovery, when there is one. */
  wire?: WireReconciliation;
  rows: ReportRow[];
}

/**
 * `paused`: no further line starts (lines in flight finish their step); `cancelling`: lines in flight are
 * finishing and no other will start; `failed`: the run stopped early (signed out, network lost) and can be
 * resumed.
 */
export type ApplyRunState = 'running' | 'paused' | 'cancelling' | 'finished' | 'cancelled' | 'failed';

export interface ApplyRunInfo {
  runId: string;
  state: ApplyRunState;
  /** Lines this run applies: the plan's lines that change something (neither skipped nor invalid). */
  total: number;
  /** Of those, the lines that have ended (done or failed). */
  done: number;
  /** Lines started and not ended yet: a pause or a cancel lets them finish. */
  inFlight: number;
  startedAt: string;
  finishedAt?: string;
  /** Lines a cancel or an interruption left untouched (their status is `not-started`). */
  notStarted: number[];
  /** Why the run stopped early; `batch.resumeRun` continues it. */
  error?: FieldkitErrorData;
}

/** The `batch.progress` event: after every line that ends, and at every change of state. */
export interface ApplyProgressEvent {
  runId: string;
  done: number;
  total: number;
  /** Lines started and not ended yet (a pause is complete when none is left). */
  inFlight: number;
  /** The line that just ended, as the report now shows it; absent on a change of state alone. */
  row?: ReportRow;
  summary: ReportSummary;
  state: ApplyRunState;
}

/** What `batch.apply`, `batch.retryFailed` and `batch.resumeRun` answer: the run's id and its report so far. */
export interface ApplyStarted {
  runId: string;
  report: ImportReport;
  /** Devices whose last step's outcome the journal does not know: each is looked up before anything is sent. */
  unknownOutcomes?: number;
}

/** A run of the current profile and CloudPBX that did not end (the app closed, the network went away). */
export interface ResumableRun {
  runId: string;
  systemId: string;
  fileName: string;
  /** Identifies the file's content, whatever its name (the CLI's `--resume` finds the run of its file). */
  fileHash: string;
  startedAt: string;
  /** When its journal was last written. */
  updatedAt: string;
  /** `interrupted`: the app stopped during the run; `failed`: it stopped on an error (signed out, offline). */
  reason: 'interrupted' | 'failed';
  /** Lines with at least one step whose answer the journal recorded. */
  linesTouched: number;
  reassign: boolean;
  skipInvalid: boolean;
  concurrency: number;
}

/** The file against the MAC addresses the latest LAN discovery saw. */
export interface WireReconciliation {
  /** Lines whose MAC address the discovery did not see on the LAN (DECT handsets are never on it). */
  notSeen: number[];
  /** Phones seen on the LAN that no line of the file names (12 lowercase hex digits). */
  missingFromFile: string[];
  /**
   * Lines whose MAC address is one character away from a phone seen on the LAN that the file does not name:
   * probably a typo. These lines and phones are not listed again in `notSeen` and `missingFromFile`.
   */
  probableTypos: {
    line: number;
    /** The identifier as the file writes it. */
    mac: string;
    /** The phone seen on the LAN (12 lowercase hex digits). */
    discovered: string;
  }[];
}
