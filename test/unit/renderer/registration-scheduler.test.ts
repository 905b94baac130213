import { describe, expect, it } from 'vitest';
import { RegistrationScheduler } from '@renderer/features/devices/registrations/registration-scheduler';
import { FakeClock } from '../../support/fake-clock';

/** A CloudPBX whose answers the test gives one by one; records what was asked and the peak in flight. */
function cloudPbx() {
  const asked: string[] = [];
  const waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  let peak = 0;
  const check = (deviceId: string): Promise<void> => {
    asked.push(deviceId);
    return new Promise<void>((resolve, reject) => {
      waiting.set(deviceId, { resolve, reject });
      peak = Math.max(peak, waiting.size);
    });
  };
  const answer = (deviceId: string, failure?: Error): void => {
    const pending = waiting.get(deviceId);
    if (!pending) throw new Error(`${deviceId} was not asked`);
    waiting.delete(deviceId);
    if (failure) pending.reject(failure);
    else pending.resolve();
  };
  return { check, answer, asked, inFlight: () => [...waiting.keys()], peak: () => peak };
}

const ids = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `d${from + index}`);

/** Rows are checked as soon as they show, unless `settleMs` is given. */
function setUp(settle: { settleMs: number } = { settleMs: 0 }) {
  const clock = new FakeClock();
  const pbx = cloudPbx();
  const scheduler = new RegistrationScheduler({
    check: pbx.check,
    clock,
    maxInFlight: 4,
    spacingMs: 250,
    refreshMs: 45_000,
    ...settle,
  });
  return { clock, pbx, scheduler };
}

describe('RegistrationScheduler', () => {
  it('checks the rows on screen in order, one start per 250 ms and never more than 4 in flight', async () => {
    const { clock, pbx, scheduler } = setUp();
    scheduler.show(ids(20));
    expect(pbx.asked).toEqual(['d0']);
    await clock.advance(250);
    expect(pbx.asked).toEqual(['d0', 'd1']);
    await clock.advance(5_000);
    expect(pbx.asked).toEqual(ids(4));
    expect(pbx.peak()).toBe(4);
    pbx.answer('d1');
    await clock.advance(0);
    expect(pbx.asked).toEqual(ids(5));
    for (let round = 0; round < 40; round += 1) {
      for (const deviceId of pbx.inFlight()) pbx.answer(deviceId);
      await clock.advance(250);
    }
    expect(pbx.asked).toEqual(ids(20));
    expect(pbx.peak()).toBe(4);
  });

  it('drops the rows that scrolled away before their turn', async () => {
    const { clock, pbx, scheduler } = setUp();
    scheduler.show(ids(10));
    await clock.advance(250);
    scheduler.show(ids(3, 50));
    for (const deviceId of pbx.inFlight()) pbx.answer(deviceId);
    await clock.advance(2_000);
    expect(pbx.asked).toEqual(['d0', 'd1', 'd50', 'd51', 'd52']);
  });

  it('starts nothing while the window is hidden, and goes on when it shows again', async () => {
    const { clock, pbx, scheduler } = setUp();
    scheduler.setHidden(true);
    scheduler.show(ids(3));
    await clock.advance(60_000);
    expect(pbx.asked).toEqual([]);
    scheduler.setHidden(false);
    expect(pbx.asked).toEqual(['d0']);
  });

  it('checks the rows still on screen again after the refresh time, failed ones too', async () => {
    const { clock, pbx, scheduler } = setUp();
    scheduler.show(ids(2));
    await clock.advance(250);
    pbx.answer('d0');
    pbx.answer('d1', new Error('refused'));
    await clock.advance(44_000);
    expect(pbx.asked).toEqual(['d0', 'd1']);
    await clock.advance(1_000);
    expect(pbx.asked).toEqual(['d0', 'd1', 'd0']);
    await clock.advance(250);
    expect(pbx.asked).toEqual(['d0', 'd1', 'd0', 'd1']);
  });

  it('checks a row only once it has stayed on screen for the settle time: rows typed past cost no call', async () => {
    const { clock, pbx, scheduler } = setUp({ settleMs: 300 });
    scheduler.show(ids(3));
    await clock.advance(200);
    scheduler.show(ids(3, 10));
    await clock.advance(200);
    scheduler.show(ids(3, 20));
    await clock.advance(299);
    expect(pbx.asked).toEqual([]);
    scheduler.show([...ids(2, 20), 'd30']);
    await clock.advance(1);
    expect(pbx.asked).toEqual(['d20']);
    await clock.advance(250);
    expect(pbx.asked).toEqual(['d20', 'd21']);
    await clock.advance(250);
    expect(pbx.asked).toEqual(['d20', 'd21', 'd30']);
  });

  it('starts nothing once stopped', async () => {
    const { clock, pbx, scheduler } = setUp();
    scheduler.show(ids(3));
    scheduler.stop();
    await clock.advance(10_000);
    expect(pbx.asked).toEqual(['d0']);
  });
});
