import type { DeviceIdentifierKind } from '../../shared/identifiers';
import type { Delimiter, FileFormat, FileProblem, PlanChange, RowAction, RowProblem } from './types';

export type { DeviceRowAction, PlanChange, RowAction } from './types';
import type { MediaTransportProtocol, TransferMode } from './rules/value-rules';

export interface SubscriberRef {
  phoneNumberId: string;
  shortNumber: string;
  name?: string;
}

/** One line of the plan: everything applying it needs, and a sentence saying what it will do. */
export interface PlannedRow {
  line: number;
  /** The identifier as printed on labels (`48:7A:55:00:00:02`, `03807E7898`), or the cell as written. */
  id: string;
  kind?: DeviceIdentifierKind;
  /** Canonical identifier (lowercase hex), when it could be read. */
  identifier?: string;
  action: RowAction;
  model?: { id: number; name: string };
  description?: string;
  transferMode?: TransferMode;
  mediaTransportProtocol?: MediaTransportProtocol;
  subscriber?: SubscriberRef;
  /** The device already on the CloudPBX with this identifier. */
  existing?: { deviceId: string; subscriber?: SubscriberRef };
  errors: RowProblem[];
  warnings: string[];
  detail: string;
}

export interface CatalogInfo {
  systemName?: string;
  fetchedAt: string;
  /** `live`: fetched for this validation; `cache`: read from disk (offline). */
  source: 'live' | 'cache';
}

export interface ImportPlan {
  fileName: string;
  format: FileFormat;
  delimiter?: Delimiter;
  systemId: string;
  /** The catalogue the lines were checked against; absent when the file could not be read at all. */
  catalog?: CatalogInfo;
  /** Problems with the file as a whole: while there are any, nothing can be imported. */
  fileErrors: FileProblem[];
  /** Worth knowing but harmless (a column that is ignored). */
  fileWarnings: FileProblem[];
  rows: PlannedRow[];
  /** Set when the live catalogue was compared with the cached one; changes only for lines that differ. */
  changes?: { previousFetchedAt: string; rows: PlanChange[] };
}
