import { AuditLog, auditFilePath, type AuditOwner } from './audit-log';

/** One AuditLog per file, shared, so every append to a file goes through the same queue. */
export class AuditLogs {
  readonly #dataDir: string;
  readonly #logs = new Map<string, AuditLog>();

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  for(owner: AuditOwner): AuditLog {
    const path = auditFilePath(this.#dataDir, owner);
    let log = this.#logs.get(path);
    if (log === undefined) {
      log = new AuditLog(path);
      this.#logs.set(path, log);
    }
    return log;
  }
}
