import { z } from 'zod';
import { FieldkitError, type InputIssue } from '../errors';
import { profileKey } from './accounts';
import { profileRecordSchema, profileSchema } from '../../shared/inputs/profile';

/** The non-secret part of a profile: what `profiles.json` holds and what the renderer may see. */
export interface ProfileRecord {
  name: string;
  host: string;
  login: string;
  appId: string;
}

/** The secret part of a profile: kept only in the OS keychain. */
export interface ProfileSecrets {
  password: string;
  appSecret: string;
}

export type Profile = ProfileRecord & ProfileSecrets;

export const PROFILE_FILE_VERSION = 1;

const profileFileSchema = z.object({
  version: z.literal(PROFILE_FILE_VERSION),
  profiles: z.array(profileRecordSchema),
});

/** Checks and trims a profile to be saved; a FieldkitError('invalid-input') lists every bad field. */
export function validateProfile(input: Profile): Profile {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new FieldkitError({
    code: 'invalid-input',
    message: 'The profile is incomplete or invalid.',
    hint: 'Correct the fields marked and save again.',
    issues: parsed.error.issues.map((issue): InputIssue => ({
      field: fieldOf(issue.path),
      message: issue.message,
    })),
  });
}

/** Reads the text of `profiles.json`; anything unexpected is reported as a damaged file, naming the place. */
export function parseProfileFile(text: string, filePath: string): ProfileRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damagedFile(
      filePath,
      `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = profileFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${fieldOf(issue.path)}` : '';
    throw damagedFile(filePath, `unexpected content${where} (${issue?.message ?? 'unknown problem'})`);
  }
  const seen = new Set<string>();
  for (const record of parsed.data.profiles) {
    const key = profileKey(record.name);
    if (seen.has(key)) throw damagedFile(filePath, `the profile name "${record.name}" appears twice`);
    seen.add(key);
  }
  return parsed.data.profiles;
}

/** The text of `profiles.json`. Fields are copied one by one so no secret can ever reach the file. */
export function serializeProfileFile(records: readonly ProfileRecord[]): string {
  const profiles = records.map(toRecord);
  return `${JSON.stringify({ version: PROFILE_FILE_VERSION, profiles }, null, 2)}\n`;
}

export function toRecord({ name, host, login, appId }: ProfileRecord): ProfileRecord {
  return { name, host, login, appId };
}

function damagedFile(filePath: string, detail: string): FieldkitError {
  return new FieldkitError({
    code: 'internal',
    message: `The profile list ${filePath} is damaged: ${detail}.`,
    hint:
      'Repair the file by hand, or move it aside and add the profiles again (Fieldkit starts with an empty ' +
      'list when the file is missing). Passwords and app secrets are not in that file: they stay in the ' +
      'system keychain.',
  });
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
