// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@renderer/api/api';
import { createLatestCheck } from '@renderer/ui/latest-check';
import { FakeClock } from '../../support/fake-clock';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** What a barcode scanner does: every prefix of the code, one after the other, within milliseconds. */
function scan(input: (text: string) => void, code: string): void {
  for (let length = 1; length <= code.length; length += 1) input(code.slice(0, length));
}

describe('createLatestCheck', () => {
  it('checks a scanner burst once, after the typing pauses', async () => {
    const clock = new FakeClock();
    const check = vi.fn(async (text: string) => text.toLowerCase());
    const checker = createLatestCheck(check, { delayMs: 250, clock });
    scan(checker.input, '487A55ABCDEF');
    expect(checker.state.value).toEqual({ text: '487A55ABCDEF', status: 'waiting' });
    await clock.advance(249);
    expect(check).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith('487A55ABCDEF');
    expect(checker.state.value.status).toBe('valid');
    expect(checker.state.value.result).toBe('487a55abcdef');
  });

  it('lets Enter right after a burst check at once, and only once', async () => {
    const clock = new FakeClock();
    const check = vi.fn(async (text: string) => text.length);
    const checker = createLatestCheck(check, { delayMs: 250, clock });
    scan(checker.input, '487A.55AB.CDEF');
    const settled = await checker.settle();
    expect(settled).toEqual({ text: '487A.55AB.CDEF', status: 'valid', result: 14 });
    expect(clock.pending()).toEqual([]);
    await clock.advance(1_000);
    await checker.settle();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('joins the check already running instead of asking again', async () => {
    const clock = new FakeClock();
    const answer = deferred<string>();
    const check = vi.fn(() => answer.promise);
    const checker = createLatestCheck(check, { delayMs: 250, clock });
    checker.input('0380a12345');
    await clock.advance(250);
    expect(checker.state.value.status).toBe('checking');
    const settled = checker.settle();
    answer.resolve('ipei');
    expect((await settled).result).toBe('ipei');
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('drops the answer about a text the field no longer holds', async () => {
    const clock = new FakeClock();
    const slow = deferred<string>();
    const check = vi.fn((text: string) =>
      text === 'first' ? slow.promise : Promise.resolve('second answer'),
    );
    const checker = createLatestCheck(check, { delayMs: 10, clock });
    checker.input('first');
    await clock.advance(10);
    checker.input('second');
    await checker.settle();
    slow.resolve('first answer');
    await slow.promise;
    expect(checker.state.value).toEqual({ text: 'second', status: 'valid', result: 'second answer' });
  });

  it('keeps the core’s refusal with its field issues', async () => {
    const clock = new FakeClock();
    const refusal = new ApiError({
      code: 'invalid-input',
      message: 'The MAC address "48:7A:55:0G" contains the letter G',
      issues: [{ field: 'identifier', message: 'contains the letter G' }],
    });
    const checker = createLatestCheck(() => Promise.reject(refusal), { delayMs: 10, clock });
    checker.input('48:7A:55:0G');
    const settled = await checker.settle();
    expect(settled.status).toBe('invalid');
    expect(settled.error?.issues).toEqual([{ field: 'identifier', message: 'contains the letter G' }]);
  });

  it('checks the same text again when something it depends on changes', async () => {
    const clock = new FakeClock();
    let model = 'M5';
    const check = vi.fn(async (text: string) => `${text} as ${model}`);
    const checker = createLatestCheck(check, { delayMs: 10, clock });
    checker.input('487a55abcdef');
    await checker.settle();
    model = 'M7';
    checker.recheck();
    await checker.settle();
    expect(checker.state.value.result).toBe('487a55abcdef as M7');
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('goes back to idle for an empty field, without asking anything', async () => {
    const clock = new FakeClock();
    const check = vi.fn(async () => 'x');
    const checker = createLatestCheck(check, { delayMs: 10, clock });
    checker.input('48');
    checker.input('   ');
    await clock.advance(100);
    expect(checker.state.value).toEqual({ text: '', status: 'idle' });
    expect(await checker.settle()).toEqual({ text: '', status: 'idle' });
    expect(check).not.toHaveBeenCalled();
  });
});
