/** Input schemas of the batch-import and catalogue calls (contract.ts uses them). */
import { z } from 'zod';
import { systemId, uuidId } from './ids';
import { MAX_APPLY_CONCURRENCY, MAX_IMPORT_BYTES } from '../limits';

export const systemInput = z.object({ systemId }).strict();

/** Run ids also name the run's journal file. */
const runId = uuidId('run');

/** Base64 takes 4 characters per 3 bytes. */
const MAX_CONTENT_CHARACTERS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const uploadId = uuidId('uploaded file');

/**
 * The file: `fileId`, the id the upload of its bytes answered (the window uploads; any size up to the limit),
 * or `content` inline, base64 for bytes or plain text for a CSV (small files, scripts). Exactly one of them.
 */
export const fileSource = {
  fileName: z.string().trim().min(1, 'Name the file.').max(255),
  fileId: uploadId.optional(),
  content: z.string().max(MAX_CONTENT_CHARACTERS, 'The file is larger than 64 MB.').optional(),
  encoding: z.enum(['base64', 'text']).default('base64'),
};

export function oneFileSource(input: { fileId?: string | undefined; content?: string | undefined }): boolean {
  return (input.fileId === undefined) !== (input.content === undefined);
}

export const ONE_FILE_SOURCE = {
  message: 'Give the file as fileId or as content, one of them.',
  path: ['fileId'],
};

export const validateImportInput = z
  .object({
    systemId,
    ...fileSource,
    offline: z.boolean().default(false),
    reassign: z.boolean().default(false),
    /** `dry-run`: the plan an apply would follow (`fieldkit import --dry-run`). */
    mode: z.enum(['validate', 'dry-run']).default('validate'),
    /** MAC addresses seen on the LAN (a saved `fieldkit discover --json`), instead of the session's latest scan. */
    discovered: z.array(z.string().trim().max(64)).max(65_536).optional(),
  })
  .strict()
  .refine(oneFileSource, ONE_FILE_SOURCE);

export type ValidateImportInput = z.output<typeof validateImportInput>;

export const applyImportInput = z
  .object({
    /** The new run's id, chosen by the caller so its `batch.progress` events are known as its own at once. */
    runId,
    systemId,
    ...fileSource,
    reassign: z.boolean().default(false),
    /** Apply the valid lines even though others are invalid; without it, an invalid line stops everything. */
    skipInvalid: z.boolean().default(false),
    /** Lines applied at the same time. */
    concurrency: z.number().int().min(1).max(MAX_APPLY_CONCURRENCY).default(4),
    /** The CLI's `--journal PATH` (an absolute path); refused from any other shell. */
    journal: z.string().min(1).max(4096).optional(),
    /** A keys sheet (`fieldkit keys import`): applied whole, as a run journalled like a device sheet's. */
    sheet: z.literal('keys').optional(),
  })
  .strict()
  .refine(oneFileSource, ONE_FILE_SOURCE);

export type ApplyImportInput = z.output<typeof applyImportInput>;

export const runIdInput = z.object({ runId }).strict();

export const reportFileInput = z.object({ runId, format: z.enum(['csv', 'json']) }).strict();
