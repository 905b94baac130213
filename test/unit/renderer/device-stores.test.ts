// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { clockKey } from '@renderer/time/clock';
import { useAuditStore } from '@renderer/features/activity/audit-store';
import { FRESH_LIST_MS, useDevicesStore } from '@renderer/features/devices/devices-store';
import { useDebugStore } from '@renderer/features/devices/debug/debug-store';
import { useSubscriberCreationStore } from '@renderer/features/subscribers/device-subscribers-store';
import { useRegistrationsStore } from '@renderer/features/devices/registrations/registrations-store';
import { useSwapStore } from '@renderer/features/devices/swap/swap-store';
import { demoOnline, lyon } from './support/fake-api';
import { deskphone, handset, registration, snapshot, swapState } from './support/fake-device-calls';
import { FakeClock } from '../../support/fake-clock';
import { storeContext } from './support/mount-app';

describe('useDevicesStore', () => {
  it('replaces one device after a change instead of loading the list again', async () => {
    const { fake } = storeContext();
    fake.api.devices.listPage.mockResolvedValue({ devices: [deskphone(), handset()] });
    const devices = useDevicesStore();
    await devices.load(lyon.id);
    const before = devices.forSystem(lyon.id)?.value;
    await devices.unassign(lyon.id, 'dev-1');
    const after = devices.forSystem(lyon.id)?.value;
    expect(after).not.toBe(before);
    expect(after?.[0]?.phoneNumberId).toBeUndefined();
    expect(after?.[1]).toBe(before?.[1]);
    expect(fake.api.devices.listPage).toHaveBeenCalledTimes(1);
  });

  it('shows the first page at once and appends the rest as it arrives', async () => {
    const { fake } = storeContext();
    let secondPage: (page: { devices: ReturnType<typeof deskphone>[] }) => void = () => undefined;
    fake.api.devices.listPage
      .mockResolvedValueOnce({ devices: [handset()], cursor: 'c1' })
      .mockReturnValueOnce(new Promise((resolve) => (secondPage = resolve)));
    const devices = useDevicesStore();
    const loading = devices.load(lyon.id);
    await flushPromises();
    const list = devices.forSystem(lyon.id);
    expect(list?.value?.map((device) => device.id)).toEqual(['dev-2']);
    expect(list?.loading).toBe(true);
    secondPage({ devices: [deskphone()] });
    await loading;
    expect(list?.value?.map((device) => device.id)).toEqual(['dev-2', 'dev-1']);
    expect(list?.loading).toBe(false);
    expect(fake.api.devices.listPage).toHaveBeenLastCalledWith({ systemId: lyon.id, cursor: 'c1' });
  });

  it('adds a registered device and drops a deleted one', async () => {
    const { fake } = storeContext();
    fake.api.devices.listPage.mockResolvedValue({ devices: [handset({ systemId: lyon.id })] });
    const devices = useDevicesStore();
    await devices.load(lyon.id);
    await devices.register({ systemId: lyon.id, identifier: '487A55ABCDEF', deviceTypeId: 1 });
    expect(devices.forSystem(lyon.id)?.value?.map((device) => device.id)).toEqual(['dev-2', 'dev-new']);
    await devices.remove(lyon.id, 'dev-2');
    expect(devices.forSystem(lyon.id)?.value?.map((device) => device.id)).toEqual(['dev-new']);
    expect(fake.api.devices.delete).toHaveBeenCalledWith({ systemId: lyon.id, deviceId: 'dev-2' });
  });

  it('keeps a list that has just arrived for a screen that opens, and lists again once it is older', async () => {
    const context = storeContext();
    const time = new FakeClock();
    context.app.provide(clockKey, time);
    context.fake.api.devices.listPage.mockResolvedValue({ devices: [deskphone()] });
    const devices = useDevicesStore();
    await devices.loadForScreen(lyon.id);
    await time.advance(FRESH_LIST_MS - 1);
    await devices.loadForScreen(lyon.id);
    expect(context.fake.api.devices.listPage).toHaveBeenCalledTimes(1);
    await devices.load(lyon.id);
    expect(context.fake.api.devices.listPage).toHaveBeenCalledTimes(2);
    await time.advance(FRESH_LIST_MS);
    await devices.loadForScreen(lyon.id);
    expect(context.fake.api.devices.listPage).toHaveBeenCalledTimes(3);
  });

  it('forgets every list when another session starts', async () => {
    const { fake } = storeContext();
    const devices = useDevicesStore();
    await devices.load(lyon.id);
    fake.emit('session.changed', { ...demoOnline, profile: 'Other' });
    await flushPromises();
    expect(devices.forSystem(lyon.id)).toBeUndefined();
  });
});

describe('useRegistrationsStore', () => {
  it('keeps the snapshot of its own watches, follows registrations.changed, and learns device states', async () => {
    const { fake } = storeContext();
    const registrations = useRegistrationsStore();
    const watchId = await registrations.open({ systemId: lyon.id, deviceId: 'dev-1' });
    expect(registrations.stateOf('dev-1')).toBe('registered');
    fake.emit(
      'registrations.changed',
      snapshot({ registrations: [], fetchedAt: '2030-01-01T09:00:05.000Z' }),
    );
    expect(registrations.snapshot(watchId)?.registrations).toEqual([]);
    expect(registrations.stateOf('dev-1')).toBe('unregistered');
    // A stale poll and another window's watch change nothing.
    fake.emit('registrations.changed', snapshot({ fetchedAt: '2030-01-01T08:00:00.000Z' }));
    fake.emit('registrations.changed', snapshot({ watchId: 'not-mine', deviceId: 'dev-9' }));
    expect(registrations.stateOf('dev-1')).toBe('unregistered');
    expect(registrations.stateOf('dev-9')).toBe('unknown');
    await registrations.close(watchId);
    expect(fake.api.registrations.unwatch).toHaveBeenCalledWith({ watchId });
    expect(registrations.snapshot(watchId)).toBeUndefined();
  });

  it('learns, from a subscriber watch, which of its devices are registered', async () => {
    const { fake } = storeContext();
    fake.api.registrations.watch.mockResolvedValueOnce({
      watchId: 'w-sub',
      snapshot: snapshot({
        watchId: 'w-sub',
        deviceId: undefined,
        phoneNumberId: 'pn-1',
        registrations: [registration({ deviceId: 'dev-1' })],
        lastSeen: { 'dev-1': '2030-01-01T09:00:00.000Z', 'dev-2': '2030-01-01T08:00:00.000Z' },
      }),
    });
    const registrations = useRegistrationsStore();
    await registrations.open({ systemId: lyon.id, phoneNumberId: 'pn-1' });
    expect(registrations.stateOf('dev-1')).toBe('registered');
    expect(registrations.stateOf('dev-2')).toBe('unregistered');
  });

  it('checks devices a few at a time and counts those it could not read', async () => {
    const { fake } = storeContext();
    let running = 0;
    let most = 0;
    fake.api.devices.registrations.mockImplementation(async ({ deviceId }: { deviceId: string }) => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      running -= 1;
      if (deviceId === 'dev-bad') throw new Error('down');
      return deviceId === 'dev-0' ? [registration({ deviceId })] : [];
    });
    const registrations = useRegistrationsStore();
    const ids = ['dev-0', 'dev-bad', ...Array.from({ length: 10 }, (_, index) => `dev-x${index}`)];
    expect(await registrations.probe(lyon.id, ids)).toBe(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(registrations.stateOf('dev-0')).toBe('registered');
    expect(registrations.stateOf('dev-x3')).toBe('unregistered');
    expect(registrations.stateOf('dev-bad')).toBe('unknown');
  });
});

describe('useDebugStore', () => {
  function debugContext() {
    const context = storeContext();
    const time = new FakeClock(Date.parse('2030-01-01T09:00:00.000Z'));
    context.app.provide(clockKey, time);
    return { ...context, time };
  }

  it('shows the password only after reveal, and forgets it on revoke', async () => {
    const { fake } = debugContext();
    const debug = useDebugStore();
    await debug.grant(lyon.id, 'dev-1', 900);
    expect(fake.api.debug.grant).toHaveBeenCalledWith({
      systemId: lyon.id,
      deviceId: 'dev-1',
      durationSeconds: 900,
    });
    expect(debug.credentialsOf('dev-1')).toBeUndefined();
    await debug.reveal(lyon.id, 'dev-1');
    expect(debug.credentialsOf('dev-1')?.adminPassword).toBe('S3cret-admin');
    await debug.revoke(lyon.id, 'dev-1');
    expect(debug.credentialsOf('dev-1')).toBeUndefined();
    expect(debug.sessionOf('dev-1')).toBeUndefined();
  });

  it('keeps a session of the CloudPBX’s default length until revoked: its end is not known here', async () => {
    const { fake, time } = debugContext();
    const debug = useDebugStore();
    await debug.grant(lyon.id, 'dev-1');
    expect(fake.api.debug.grant).toHaveBeenCalledWith({ systemId: lyon.id, deviceId: 'dev-1' });
    await time.advance(3 * 60 * 60_000);
    expect(debug.sessionOf('dev-1')?.expiresAt).toBeNull();
  });

  it('forgets the session and its password when a chosen duration ends', async () => {
    const { time } = debugContext();
    const debug = useDebugStore();
    await debug.grant(lyon.id, 'dev-1', 1800);
    await debug.reveal(lyon.id, 'dev-1');
    await time.advance(29 * 60_000);
    expect(debug.credentialsOf('dev-1')).toBeDefined();
    await time.advance(60_000);
    expect(debug.sessionOf('dev-1')).toBeUndefined();
    expect(debug.credentialsOf('dev-1')).toBeUndefined();
  });

  it('keeps no password for a device without a session, and none once the session changes', async () => {
    const { fake } = debugContext();
    const debug = useDebugStore();
    await debug.reveal(lyon.id, 'dev-1');
    expect(debug.credentialsOf('dev-1')).toBeUndefined();
    await debug.grant(lyon.id, 'dev-1');
    await debug.reveal(lyon.id, 'dev-1');
    fake.emit('session.changed', { ...demoOnline, profile: 'Other' });
    await flushPromises();
    expect(debug.credentialsOf('dev-1')).toBeUndefined();
  });

  it('never writes the password to storage', async () => {
    debugContext();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const debug = useDebugStore();
    await debug.grant(lyon.id, 'dev-1');
    await debug.reveal(lyon.id, 'dev-1');
    expect(setItem).not.toHaveBeenCalled();
    setItem.mockRestore();
  });
});

describe('useSwapStore', () => {
  it('keeps a later step reported before the answer of swaps.start arrives', async () => {
    const { fake } = storeContext();
    const later = swapState({
      steps: [
        { name: 'check', status: 'done', finishedAt: '2030-01-01T09:00:00.000Z' },
        { name: 'update', status: 'done', finishedAt: '2030-01-01T09:00:00.200Z' },
        { name: 'reboot', status: 'running', startedAt: '2030-01-01T09:00:00.200Z' },
        { name: 'wait-registration', status: 'pending' },
      ],
    });
    let answer!: (state: ReturnType<typeof swapState>) => void;
    fake.api.swaps.start.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const swaps = useSwapStore();
    const starting = swaps.start({ systemId: lyon.id, deviceId: 'dev-1', newIdentifier: '487a550a1bff' });
    fake.emit('swap.progress', {
      swapId: 'swap-1',
      step: 'reboot',
      status: 'running',
      message: '',
      swap: later,
    });
    answer(
      swapState({
        steps: [
          { name: 'check', status: 'done', finishedAt: '2030-01-01T09:00:00.000Z' },
          { name: 'update', status: 'running', startedAt: '2030-01-01T09:00:00.000Z' },
          { name: 'reboot', status: 'pending' },
          { name: 'wait-registration', status: 'pending' },
        ],
      }),
    );
    await starting;
    expect(swaps.get('swap-1')?.steps.find((step) => step.name === 'reboot')?.status).toBe('running');
  });

  it('follows swap.progress, and finds the latest swap of a device', async () => {
    const { fake } = storeContext();
    const swaps = useSwapStore();
    const started = await swaps.start({
      systemId: lyon.id,
      deviceId: 'dev-1',
      newIdentifier: '487a550a1bff',
    });
    fake.emit('swap.progress', {
      swapId: started.swapId,
      step: 'wait-registration',
      status: 'failed',
      message: 'No registration',
      swap: swapState({ status: 'timed-out', canRollback: true }),
    });
    expect(swaps.get(started.swapId)?.status).toBe('timed-out');
    fake.api.swaps.list.mockResolvedValueOnce([
      swapState({ swapId: 'older', startedAt: '2029-01-01T00:00:00.000Z' }),
    ]);
    await swaps.load();
    expect(swaps.latestFor('dev-1')?.swapId).toBe(started.swapId);
    await swaps.rollback(started.swapId);
    expect(fake.api.swaps.rollback).toHaveBeenCalledWith({ swapId: started.swapId });
    expect(swaps.get(started.swapId)?.status).toBe('rolling-back');
  });
});

describe('audit and subscriber creation', () => {
  it('loads the activity with the filter and exports with the same filter', async () => {
    const { fake } = storeContext();
    const audit = useAuditStore();
    await audit.load({ action: 'device.reboot' });
    expect(fake.api.audit.list).toHaveBeenCalledWith({ action: 'device.reboot' });
    expect(audit.entries.value).toHaveLength(1);
    expect((await audit.exportCsv({ action: 'device.reboot' })).count).toBe(1);
  });

  it('fetches the subscribers again after creating one', async () => {
    const { fake } = storeContext();
    const creation = useSubscriberCreationStore();
    const created = await creation.create(lyon.id, 'u-9', '81050');
    expect(created.shortNumber).toBe('81050');
    expect(fake.api.subscribers.list).toHaveBeenCalledWith({ systemId: lyon.id });
  });
});
