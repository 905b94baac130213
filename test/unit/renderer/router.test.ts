// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { createFakeApi, demoOnline, lyon, signedOut } from './support/fake-api';
import { mountApp } from './support/mount-app';

let wrapper: VueWrapper | undefined;
afterEach(() => wrapper?.unmount());

describe('session guards', () => {
  it('sends a signed-out user to sign-in from anywhere', async () => {
    const app = await mountApp(`/systems/${lyon.id}`);
    wrapper = app.wrapper;
    expect(app.router.currentRoute.value.name).toBe('sign-in');
  });

  it('keeps a signed-in user out of the sign-in page', async () => {
    const fake = createFakeApi();
    fake.api.session.state.mockResolvedValue(demoOnline);
    const app = await mountApp('/sign-in', { fake });
    wrapper = app.wrapper;
    expect(app.router.currentRoute.value.name).toBe('systems');
  });

  it('goes back to sign-in when the core reports the session ended', async () => {
    const fake = createFakeApi();
    fake.api.session.state.mockResolvedValue(demoOnline);
    const app = await mountApp(`/systems/${lyon.id}`, { fake });
    wrapper = app.wrapper;
    expect(app.router.currentRoute.value.name).toBe('overview');
    fake.emit('session.changed', { ...demoOnline, status: 'signing-in' });
    await flushPromises();
    expect(app.router.currentRoute.value.name).toBe('overview');
    fake.emit('session.changed', signedOut);
    await flushPromises();
    expect(app.router.currentRoute.value.name).toBe('sign-in');
  });
});

describe('choosing a CloudPBX', () => {
  it('starts its device listing before its screens load, and the screens join that listing', async () => {
    const fake = createFakeApi();
    fake.api.session.state.mockResolvedValue(demoOnline);
    const app = await mountApp('/systems', { fake });
    wrapper = app.wrapper;
    let askedBeforeScreens = 0;
    // Runs once the route's lazy screens are resolved, before any of them is set up.
    app.router.beforeResolve(() => {
      askedBeforeScreens = fake.api.devices.listPage.mock.calls.length;
    });
    await app.router.push(`/systems/${lyon.id}`);
    await flushPromises();
    expect(app.router.currentRoute.value.name).toBe('overview');
    expect(askedBeforeScreens).toBe(1);
    expect(fake.api.devices.listPage.mock.calls).toEqual([[{ systemId: lyon.id }]]);
  });
});
