import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { profileKey } from '../vault/accounts';
import { matchesAuditFilter } from './audit-filter';
import type { AuditEntry, AuditFilter } from './types';

/** Who the log belongs to: a saved profile, the built-in demo, or the CLI's FIELDKIT_* variables. */
export type AuditOwner = { kind: 'profile'; name: string } | { kind: 'demo' } | { kind: 'env' };

/**
 * `<dataDir>/audit/<key>.jsonl`. A profile's key is its name in lower case (as the vault keys it), URI-encoded
 * so any name is a safe file name; `(demo)` and `(env)` contain parentheses, which profile names cannot, so
 * they never collide with a profile.
 */
export function auditFilePath(dataDir: string, owner: AuditOwner): string {
  const key = owner.kind === 'profile' ? encodeURIComponent(profileKey(owner.name)) : `(${owner.kind})`;
  return join(dataDir, 'audit', `${key}.jsonl`);
}

export function ownerLabel(owner: AuditOwner): string {
  return owner.kind === 'profile' ? owner.name : owner.kind;
}

/**
 * An append-only JSON-lines file. Each entry is written and fsynced before `append` resolves; appends are
 * serialised so concurrent changes never interleave their lines.
 */
export class AuditLog {
  readonly path: string;
  #queue: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  append(entry: AuditEntry): Promise<void> {
    const write = this.#queue.then(() => this.#write(entry));
    this.#queue = write.catch(() => undefined);
    return write;
  }

  /** Entries passing the filter, newest first. A line that is not valid JSON (a torn write) is skipped. */
  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    await this.#queue;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .map(parseLine)
      .filter((entry): entry is AuditEntry => entry !== undefined && matchesAuditFilter(entry, filter))
      .reverse();
  }

  async #write(entry: AuditEntry): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const file = await open(this.path, 'a', 0o600);
    try {
      await file.write(`${JSON.stringify(entry)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  }
}

function parseLine(line: string): AuditEntry | undefined {
  if (line.trim() === '') return undefined;
  try {
    const entry = JSON.parse(line) as AuditEntry;
    return typeof entry.at === 'string' && typeof entry.action === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
