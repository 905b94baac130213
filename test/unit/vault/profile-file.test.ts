import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldkitError } from '../../../src-main/services/errors';
import { profileKey } from '../../../src-main/services/vault/accounts';
import {
  parseProfileFile,
  serializeProfileFile,
  validateProfile,
  type ProfileRecord,
} from '../../../src-main/services/vault/profile-file';

const FILE = '/data/profiles.json';
const lyon: ProfileRecord = {
  name: 'Lyon HQ',
  host: 'openrainbow.com',
  login: 'tech@example.com',
  appId: 'app-1',
};

function parseError(text: string): FieldkitError {
  try {
    parseProfileFile(text, FILE);
  } catch (error) {
    if (error instanceof FieldkitError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('parseProfileFile', () => {
  it('reads the profiles of a version 1 file', () => {
    expect(parseProfileFile(JSON.stringify({ version: 1, profiles: [lyon] }), FILE)).toEqual([lyon]);
  });

  it('drops fields it does not know, so they are not written back', () => {
    const text = JSON.stringify({ version: 1, profiles: [{ ...lyon, password: 'hunter22' }] });
    expect(parseProfileFile(text, FILE)).toEqual([lyon]);
  });

  it('names the file and the problem when the text is not JSON', () => {
    const error = parseError('{"version":1,');
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(
      /^The profile list \/data\/profiles\.json is damaged: it is not valid JSON \(.+\)\.$/,
    );
    expect(error.hint).toContain('they stay in the system keychain');
  });

  it('names the field that is wrong', () => {
    const text = JSON.stringify({ version: 1, profiles: [lyon, { ...lyon, name: 'Paris', host: 42 }] });
    expect(parseError(text).message).toMatch(
      /^The profile list \/data\/profiles\.json is damaged: unexpected content at profiles\.1\.host \(.+\)\.$/,
    );
  });

  it('rejects another version and other shapes', () => {
    expect(parseError(JSON.stringify({ version: 2, profiles: [] })).message).toContain('at version');
    expect(parseError(JSON.stringify([lyon])).message).toContain('unexpected content');
    expect(parseError('null').message).toContain('unexpected content');
  });

  it('rejects two profiles whose names differ only in case', () => {
    const text = JSON.stringify({ version: 1, profiles: [lyon, { ...lyon, name: 'LYON hq' }] });
    expect(parseError(text).message).toBe(
      'The profile list /data/profiles.json is damaged: the profile name "LYON hq" appears twice.',
    );
  });
});

describe('serializeProfileFile', () => {
  it('writes only the four fields of a record, whatever else the object carries', () => {
    const withSecrets = { ...lyon, password: 'hunter22', appSecret: 's3cr3t-app' };
    const text = serializeProfileFile([withSecrets]);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('s3cr3t-app');
    expect(JSON.parse(text)).toEqual({ version: 1, profiles: [lyon] });
  });

  it('is read back as written', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,30}[A-Za-z0-9]$/);
    const record = fc.record({
      name: word,
      host: fc.domain({ size: 'small' }),
      login: fc.emailAddress({ size: 'small' }),
      appId: word,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (r) => profileKey(r.name), maxLength: 8 }),
        (records) => {
          expect(parseProfileFile(serializeProfileFile(records), FILE)).toEqual(records);
        },
      ),
    );
  });
});

describe('validateProfile', () => {
  const complete = { ...lyon, password: 'pw', appSecret: 'as' };

  it('trims the non-secret fields and keeps secrets as typed', () => {
    expect(validateProfile({ ...complete, name: ' Lyon HQ ', password: ' pw ' })).toEqual({
      ...complete,
      password: ' pw ',
    });
  });

  it('lists every bad field', () => {
    try {
      validateProfile({ ...complete, name: 'a/b', password: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FieldkitError);
      const { code, issues } = error as FieldkitError;
      expect(code).toBe('invalid-input');
      expect(issues).toEqual([
        { field: 'name', message: 'Use letters, digits, spaces, dots, dashes, underscores or @.' },
        { field: 'password', message: 'Enter the password.' },
      ]);
    }
  });
});
