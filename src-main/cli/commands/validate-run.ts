import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, validateImport, type ImportValidation } from '../../services/batch';
import { readInputFile } from '../../services/files/read-input-file';
import type { RainbowClient } from '../../services/rainbow';
import { FieldkitError, isFieldkitError } from '../../services/errors';
import { requireOption, UsageError, type CommandContext } from '../command';
import { catalogServiceFor } from './catalog-profile';

const UNREACHABLE = ['unreachable', 'timeout', 'tls', 'server-error', 'rate-limited'] as const;

export interface FileValidation extends ImportValidation {
  content: Uint8Array;
  /** The signed-in client, when the validation went online. */
  client?: RainbowClient;
}

/** What `validate` and `import` share: read FILE, fetch (or, offline, load) the catalogue, plan. */
export async function validateFile(
  context: CommandContext,
  mode: 'validate' | 'dry-run',
): Promise<FileValidation> {
  const { values, positionals, io } = context;
  const file = singleFile(positionals);
  const systemId = requireOption(values, 'system', 'List the CloudPBX ids with `fieldkit systems`.');
  const content = await readInputFile(file, MAX_IMPORT_BYTES);
  const offline = values.offline === true;
  const catalogs = catalogServiceFor(values, io.env);
  let client: RainbowClient | undefined;
  const connect = async () => {
    try {
      client = await context.connect();
      return client;
    } catch (error) {
      throw withOfflineHint(error, systemId);
    }
  };
  const validation = await validateImport(
    { fileName: basename(file), content, systemId, offline, reassign: values.reassign === true, mode },
    { catalogs, connect, now: Date.now },
  );
  return client === undefined ? { ...validation, content } : { ...validation, content, client };
}

function singleFile(positionals: string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('Name the file to import (CSV or XLSX).');
  if (extra.length > 0) throw new UsageError(`One file at a time; unexpected: ${extra.join(' ')}.`);
  return file;
}

/** Offline is always an option: say so when the CloudPBX cannot be reached. */
function withOfflineHint(error: unknown, systemId: string): unknown {
  if (!isFieldkitError(error) || !(UNREACHABLE as readonly string[]).includes(error.code)) return error;
  return new FieldkitError(
    {
      ...error.toData(),
      hint:
        `${error.hint ? `${error.hint} ` : ''}Without a connection, add --offline to check against the catalogue ` +
        `cached by the last \`fieldkit catalog pull --system ${systemId}\`.`,
    },
    { cause: error },
  );
}
