import { describe, expect, it } from 'vitest';
import { FieldkitError } from '../../../src-main/services/errors';
import { readOutcome } from '../../../src-main/services/diagnose/read-outcome';

describe('readOutcome', () => {
  it('turns a refused or missing call into a reason, and lets every other failure through', async () => {
    expect(await readOutcome(() => Promise.resolve(3))).toEqual({ ok: true, value: 3 });
    const refused = new FieldkitError({ code: 'forbidden', message: 'Not allowed' });
    expect(await readOutcome(() => Promise.reject(refused))).toEqual({ ok: false, reason: 'Not allowed' });
    const down = new FieldkitError({ code: 'unreachable', message: 'down' });
    await expect(readOutcome(() => Promise.reject(down))).rejects.toBe(down);
  });
});
