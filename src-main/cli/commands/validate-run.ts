import { basename } from 'node:path';
import type { ImportReport } from '../../api/types';
import { FieldkitError } from '../../services/errors';
import { readInputFile } from '../../services/files/read-input-file';
import { MAX_IMPORT_BYTES } from '../../shared/limits';
import { requireSystem, UsageError, type CommandContext } from '../command';
import { errorData } from '../exit-codes';

const UNREACHABLE = ['unreachable', 'timeout', 'tls', 'server-error', 'rate-limited'] as const;

/** FILE, as `validate` and `import` read it: once, before anything is sent. */
export interface ImportFile {
  path: string;
  content: Uint8Array;
}

export interface FileValidation {
  file: ImportFile;
  systemId: string;
  report: ImportReport;
}

/** The one FILE of `validate` and `import`, with --system: read and checked before signing in. */
export async function readImportInput(
  context: CommandContext,
): Promise<{ file: ImportFile; systemId: string }> {
  const path = singleFile(context.positionals);
  const systemId = requireSystem(context.values);
  return { file: { path, content: await readInputFile(path, MAX_IMPORT_BYTES) }, systemId };
}

/** What `validate` and `import` share: sign in (or, offline, name the account), then plan FILE in the core. */
export async function validateFile(
  context: CommandContext,
  input: { file: ImportFile; systemId: string },
  mode: 'validate' | 'dry-run',
  discovered?: string[],
): Promise<FileValidation> {
  const { values, api } = context;
  const { file, systemId } = input;
  const offline = values.offline === true;
  try {
    await (offline ? context.workOffline() : context.connect());
    const report = await api.batch.validate({
      systemId,
      fileName: basename(file.path),
      content: Buffer.from(file.content).toString('base64'),
      encoding: 'base64',
      offline,
      reassign: values.reassign === true,
      mode,
      ...(discovered === undefined ? {} : { discovered }),
    });
    return { file, systemId, report };
  } catch (error) {
    throw withOfflineHint(error, systemId);
  }
}

function singleFile(positionals: string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('Name the file to import (CSV or XLSX).');
  if (extra.length > 0) throw new UsageError(`One file at a time; unexpected: ${extra.join(' ')}.`);
  return file;
}

/** Offline is always an option: say so when the CloudPBX cannot be reached. */
function withOfflineHint(error: unknown, systemId: string): unknown {
  const data = errorData(error);
  if (data === undefined || !(UNREACHABLE as readonly string[]).includes(data.code)) return error;
  return new FieldkitError(
    {
      ...data,
      hint:
        `${data.hint ? `${data.hint} ` : ''}Without a connection, add --offline to check against the catalogue ` +
        `cached by the last \`fieldkit catalog pull --system ${systemId}\`.`,
    },
    { cause: error },
  );
}
