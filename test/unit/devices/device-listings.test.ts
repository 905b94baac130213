import { describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, DeviceListings } from '../../../src-main/services/devices/device-listings';
import type { Device } from '../../../src-main/services/rainbow/types';
import { FakeClock } from '../../support/fake-clock';

const device = (id: string): Device =>
  ({ id, description: id, deviceType: { id: 1, model: 'M5' } }) as Device;

/** Pages the test hands over one by one, or a failure; records whether the reader stopped. */
function pageSource() {
  const queue: { resolve: (value: IteratorResult<Device[]>) => void; reject: (error: Error) => void }[] = [];
  const ready: IteratorResult<Device[]>[] = [];
  let failWith: Error | undefined;
  let stopped = false;
  const push = (result: IteratorResult<Device[]>): void => {
    const waiting = queue.shift();
    if (waiting) waiting.resolve(result);
    else ready.push(result);
  };
  const pages: AsyncIterable<Device[]> = {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        if (failWith) return Promise.reject(failWith);
        const known = ready.shift();
        return known
          ? Promise.resolve(known)
          : new Promise((resolve, reject) => queue.push({ resolve, reject }));
      },
      return: async () => {
        stopped = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return {
    pages,
    page: (...ids: string[]) => push({ done: false, value: ids.map(device) }),
    end: () => push({ done: true, value: undefined }),
    fail: (error: Error) => {
      failWith = error;
      queue.shift()?.reject(error);
    },
    stopped: () => stopped,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const ids = (devices: Device[]) => devices.map((item) => item.id);

/** A listing of CloudPBX `sys` (cursor `l1`) whose first page has been handed over and answered. */
async function startedListing(...firstPage: string[]) {
  const source = pageSource();
  const clock = new FakeClock();
  const listings = new DeviceListings({ pages: () => source.pages, clock, newId: () => 'l1' });
  const started = listings.start('sys');
  source.page(...firstPage);
  return { source, clock, listings, first: await started };
}

describe('DeviceListings', () => {
  it('answers the first page at once, then everything that arrived meanwhile, then the end', async () => {
    const { source, listings, first } = await startedListing('a', 'b');
    expect(first).toEqual({ devices: [device('a'), device('b')], cursor: 'l1' });
    source.page('c');
    source.page('d');
    await settle();
    const second = await listings.next('sys', 'l1');
    expect(ids(second.devices)).toEqual(['c', 'd']);
    const last = listings.next('sys', 'l1');
    source.end();
    expect(await last).toEqual({ devices: [] });
    expect(() => listings.next('sys', 'l1')).toThrow(/has ended/);
  });

  it('hands over the devices that arrived before a failure, then the failure', async () => {
    const { source, listings } = await startedListing('a');
    source.page('b');
    await settle();
    source.fail(new Error('unreachable'));
    await settle();
    expect(ids((await listings.next('sys', 'l1')).devices)).toEqual(['b']);
    await expect(listings.next('sys', 'l1')).rejects.toThrow('unreachable');
  });

  it('refuses a cursor of another CloudPBX', async () => {
    const { listings } = await startedListing('a');
    expect(() => listings.next('other', 'l1')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('drops a listing nobody asks for any more, and stops fetching it', async () => {
    const { source, clock, listings } = await startedListing('a');
    await clock.advance(ABANDONED_AFTER_MS);
    source.page('b');
    await settle();
    expect(source.stopped()).toBe(true);
    expect(() => listings.next('sys', 'l1')).toThrow(/has ended/);
  });
});
