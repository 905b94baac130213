// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import {
  createLoadable,
  fill,
  fillInPiecesUnlessRunning,
  fillUnlessRunning,
  reset,
} from '@renderer/api/loadable';
import { useProfilesStore } from '@renderer/features/sign-in/profiles-store';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { useSystemsStore } from '@renderer/features/systems/systems-store';
import { demoOnline, grenoble, lyon, profile, signedOut } from './support/fake-api';
import { storeContext } from './support/mount-app';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('useSessionStore', () => {
  it('subscribes to session.changed once and follows it', () => {
    const { fake } = storeContext();
    const session = useSessionStore();
    useSessionStore();
    expect(fake.listenerCount('session.changed')).toBe(1);
    fake.emit('session.changed', demoOnline);
    expect(session.state.status).toBe('online');
    expect(session.isSignedIn).toBe(true);
    fake.emit('session.changed', { ...demoOnline, status: 'offline' });
    expect(session.isSignedIn).toBe(true);
    fake.emit('session.changed', signedOut);
    expect(session.isSignedIn).toBe(false);
  });

  it('reads the state from the core only once', async () => {
    const { fake } = storeContext();
    fake.api.session.state.mockResolvedValue(demoOnline);
    const session = useSessionStore();
    await Promise.all([session.ready(), session.ready()]);
    await session.ready();
    expect(fake.api.session.state).toHaveBeenCalledTimes(1);
    expect(session.state).toEqual(demoOnline);
  });

  it('keeps the error of a failed sign-in and answers false', async () => {
    const { fake } = storeContext();
    const failure = {
      code: 'auth-failed' as const,
      message: 'The login or password is wrong.',
      hint: 'Check it.',
    };
    fake.api.session.signIn.mockRejectedValueOnce(new ApiError(failure));
    const session = useSessionStore();
    expect(await session.signIn('Lyon')).toBe(false);
    expect(fake.api.session.signIn).toHaveBeenCalledWith({ profile: 'Lyon' });
    expect(session.error).toEqual(failure);
    expect(await session.openDemo()).toBe(true);
    expect(session.error).toBeUndefined();
    expect(session.state).toEqual(demoOnline);
  });
});

describe('useSystemsStore', () => {
  it('fetches the models of a CloudPBX once, unless forced', async () => {
    const { fake } = storeContext();
    const systems = useSystemsStore();
    await systems.loadModels(lyon.id);
    await systems.loadModels(lyon.id);
    expect(fake.api.systems.models).toHaveBeenCalledTimes(1);
    await systems.loadModels(grenoble.id);
    await systems.loadModels(lyon.id, { force: true });
    expect(fake.api.systems.models).toHaveBeenCalledTimes(3);
    expect(systems.modelsFor(lyon.id)?.value).toHaveLength(2);
  });

  it('takes the current CloudPBX from the list, or asks for it', async () => {
    const { fake } = storeContext();
    const systems = useSystemsStore();
    await systems.loadList();
    await systems.select(grenoble.id);
    expect(systems.current.value).toEqual(grenoble);
    expect(fake.api.systems.get).not.toHaveBeenCalled();
    await systems.select('unlisted');
    expect(fake.api.systems.get).toHaveBeenCalledWith({ systemId: 'unlisted' });
    expect(systems.current.value?.id).toBe('unlisted');
  });

  it('forgets everything when another session starts', async () => {
    const { fake } = storeContext();
    const session = useSessionStore();
    const systems = useSystemsStore();
    fake.emit('session.changed', demoOnline);
    await systems.loadList();
    await systems.loadModels(lyon.id);
    fake.emit('session.changed', { ...demoOnline, profile: 'Other', demo: false });
    await flushPromises();
    expect(session.identity).toContain('Other');
    expect(systems.list.value).toBeUndefined();
    expect(systems.modelsFor(lyon.id)).toBeUndefined();
    await systems.loadModels(lyon.id);
    expect(fake.api.systems.models).toHaveBeenCalledTimes(2);
  });
});

describe('useProfilesStore', () => {
  it('adds a saved profile to the list in name order and drops a removed one', async () => {
    const { fake } = storeContext();
    fake.api.profiles.list.mockResolvedValueOnce([profile('Paris')]);
    const profiles = useProfilesStore();
    await profiles.load();
    await profiles.save({
      name: 'Lyon',
      host: 'h',
      login: 'l@x.fr',
      password: 'p',
      appId: 'a',
      appSecret: 's',
    });
    expect(profiles.list.value?.map((p) => p.name)).toEqual(['Lyon', 'Paris']);
    await profiles.remove('Paris');
    expect(fake.api.profiles.remove).toHaveBeenCalledWith({ name: 'Paris' });
    expect(profiles.list.value?.map((p) => p.name)).toEqual(['Lyon']);
  });

  it('lets a failed save throw for the form, keeping the list as it was', async () => {
    const { fake } = storeContext();
    const invalid = new ApiError({
      code: 'invalid-input',
      message: 'bad',
      issues: [{ field: 'host', message: 'no' }],
    });
    fake.api.profiles.save.mockRejectedValueOnce(invalid);
    const profiles = useProfilesStore();
    await profiles.load();
    await expect(
      profiles.save({ name: 'X', host: 'h', login: 'l@x.fr', password: 'p', appId: 'a', appSecret: 's' }),
    ).rejects.toBe(invalid);
    expect(profiles.list.value).toEqual([]);
  });
});

describe('loadable', () => {
  it('drops an answer overtaken by a later fetch', async () => {
    const target = createLoadable<string>();
    const slow = deferred<string>();
    const first = fill(target, () => slow.promise);
    await fill(target, async () => 'second');
    slow.resolve('first');
    await first;
    expect(target.value).toBe('second');
    expect(target.loading).toBe(false);
  });

  it('drops an answer that arrives after a reset', async () => {
    const target = createLoadable<string>();
    const slow = deferred<string>();
    const pending = fill(target, () => slow.promise);
    reset(target);
    slow.resolve('stale');
    await pending;
    expect(target.value).toBeUndefined();
  });

  it('shares a running fetch with a screen that opens meanwhile, and fetches again once it is done', async () => {
    const target = createLoadable<string>();
    const slow = deferred<string>();
    let fetches = 0;
    const fetch = () => {
      fetches += 1;
      return fetches === 1 ? slow.promise : Promise.resolve('again');
    };
    const first = fillUnlessRunning(target, fetch);
    const second = fillUnlessRunning(target, fetch);
    slow.resolve('shared');
    await Promise.all([first, second]);
    expect(fetches).toBe(1);
    expect(target.value).toBe('shared');

    await fillUnlessRunning(target, fetch);
    expect(fetches).toBe(2);
    expect(target.value).toBe('again');
  });

  it('shares a list arriving in pieces with a screen that opens meanwhile, showing each piece once', async () => {
    const target = createLoadable<number[]>();
    const rest = deferred<number[]>();
    let fetches = 0;
    const fetch = async (arrived: (items: readonly number[]) => void) => {
      fetches += 1;
      arrived([1, 2]);
      arrived(await rest.promise);
    };
    const first = fillInPiecesUnlessRunning(target, fetch);
    const second = fillInPiecesUnlessRunning(target, fetch);
    expect(target.value).toEqual([1, 2]);
    rest.resolve([3]);
    await Promise.all([first, second]);
    expect(fetches).toBe(1);
    expect(target.value).toEqual([1, 2, 3]);

    await fillInPiecesUnlessRunning(target, async (arrived) => arrived([4]));
    expect(target.value).toEqual([4]);
  });

  it('records the error data of a failed fetch', async () => {
    const target = createLoadable<string>();
    await fill(target, async () => {
      throw new ApiError({ code: 'timeout', message: 'slow' });
    });
    expect(target.error).toEqual({ code: 'timeout', message: 'slow' });
    expect(target.loading).toBe(false);
  });
});
