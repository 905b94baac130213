/** Input schemas of the batch-import and catalogue calls (contract.ts uses them). */
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from './limits';

const systemId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A CloudPBX id is letters, digits, dashes or underscores.');

export const systemInput = z.object({ systemId }).strict();

/** Base64 takes 4 characters per 3 bytes. */
const MAX_CONTENT_CHARACTERS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const validateImportInput = z
  .object({
    systemId,
    fileName: z.string().trim().min(1, 'Name the file.').max(255),
    /** The file: base64 for an .xlsx (or any file read as bytes), plain text for CSV pasted or read as text. */
    content: z.string().max(MAX_CONTENT_CHARACTERS, 'The file is larger than 64 MB.'),
    encoding: z.enum(['base64', 'text']).default('base64'),
    offline: z.boolean().default(false),
    reassign: z.boolean().default(false),
    /** `dry-run`: the plan an apply would follow (`fieldkit import --dry-run`). */
    mode: z.enum(['validate', 'dry-run']).default('validate'),
    /** MAC addresses seen on the LAN (a saved `fieldkit discover --json`), instead of the session's latest scan. */
    discovered: z.array(z.string().trim().max(64)).max(65_536).optional(),
  })
  .strict();

export type ValidateImportInput = z.output<typeof validateImportInput>;

export const MAX_APPLY_CONCURRENCY = 16;

export const applyImportInput = z
  .object({
    systemId,
    fileName: z.string().trim().min(1, 'Name the file.').max(255),
    content: z.string().max(MAX_CONTENT_CHARACTERS, 'The file is larger than 64 MB.'),
    encoding: z.enum(['base64', 'text']).default('base64'),
    reassign: z.boolean().default(false),
    /** Apply the valid lines even though others are invalid; without it, an invalid line stops everything. */
    skipInvalid: z.boolean().default(false),
    /** Lines applied at the same time. */
    concurrency: z.number().int().min(1).max(MAX_APPLY_CONCURRENCY).default(4),
    /** The CLI's `--journal PATH` (an absolute path); refused from any other shell. */
    journal: z.string().min(1).max(4096).optional(),
  })
  .strict();

export type ApplyImportInput = z.output<typeof applyImportInput>;

/** Run ids are UUIDs; they also name the run's journal file, so nothing else is accepted. */
const runId = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a run id.');

export const runIdInput = z.object({ runId }).strict();

export const reportFileInput = z.object({ runId, format: z.enum(['csv', 'json']) }).strict();
