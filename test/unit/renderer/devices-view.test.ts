// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import DevicesView from '@renderer/features/devices/DevicesView.vue';
import { createFakeApi, lyon, models } from './support/fake-api';
import { deskphone, handset } from './support/fake-device-calls';
import { showingFormErrors } from './support/form-errors';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

/** The devices route alone: the screen and its register dialog navigate to a device through it. */
const devicesRoute = {
  path: '/systems/:systemId/devices/:deviceId?',
  name: 'devices',
  component: DevicesView,
  props: true,
};

async function devicesPage(fake = createFakeApi()) {
  fake.api.devices.listPage.mockResolvedValue({
    devices: [
      deskphone(),
      handset(),
      deskphone({ id: 'dev-3', macAddress: '3c28a6110204', description: 'Open space' }),
    ],
  });
  const app = await mountView(DevicesView, {
    fake,
    routes: [devicesRoute],
    path: `/systems/${lyon.id}/devices`,
  });
  wrapper = app.wrapper;
  return app;
}

const inBody = (testId: string): HTMLElement => {
  const element = document.querySelector<HTMLElement>(byTestId(testId));
  if (!element) throw new Error(`no ${testId} on the page`);
  return element;
};

/** What a keyboard (or a barcode scanner, which is one) does to a text field, key by key. */
function typeInto(input: HTMLInputElement, text: string): void {
  for (const character of text) {
    input.value += character;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function openRegisterDialog() {
  await wrapper?.get(byTestId('register-device-open')).trigger('click');
  await flushPromises();
  return inBody('register-identifier') as HTMLInputElement;
}

describe('devices screen', () => {
  it('lists every device and counts what the search keeps', async () => {
    const { wrapper: page, fake } = await devicesPage();
    expect(fake.api.devices.listPage).toHaveBeenCalledWith({ systemId: lyon.id });
    const count = page.get(byTestId('device-count'));
    expect(count.attributes()).toMatchObject({ 'data-shown': '3', 'data-total': '3' });
    await page.get(byTestId('device-search')).setValue('3C-28-A6');
    expect(count.attributes('data-shown')).toBe('1');
    await page.get(byTestId('device-search')).setValue('nothing like this');
    expect(page.find(byTestId('devices-no-match')).exists()).toBe(true);
    await page.get(byTestId('clear-filters')).trigger('click');
    expect(count.attributes('data-shown')).toBe('3');
  });

  it('shows each row’s registration, ban and open label as plain tags and attributes', async () => {
    const fake = createFakeApi();
    fake.api.devices.listPage.mockResolvedValue({
      devices: [
        deskphone({ bannedDevice: { banId: 'ban-1', failCount: '12', lastAttempt: '2026-12-01T08:00:00Z' } }),
        handset(),
      ],
    });
    const app = await mountView(DevicesView, {
      fake,
      routes: [devicesRoute],
      path: `/systems/${lyon.id}/devices`,
    });
    wrapper = app.wrapper;
    const [banned, other] = app.wrapper.findAll(byTestId('device-row'));
    expect(banned?.attributes('aria-label')).toBe('Open the device 48:7a:55:0a:1b:01');
    const tag = banned?.get(byTestId('device-banned'));
    expect(tag?.text()).toBe('Banned');
    expect(tag?.attributes('title')).toBe('12 failed attempts, last on 2026-12-01T08:00:00Z');
    expect(tag?.classes()).toEqual(expect.arrayContaining(['el-tag', 'el-tag--warning']));
    expect(other?.find(byTestId('device-banned')).exists()).toBe(false);
    const state = other?.get(byTestId('registration-state'));
    expect(state?.attributes('data-state')).toBe('unknown');
    expect(state?.text()).toBe('Not checked');
    expect(state?.classes()).toEqual(expect.arrayContaining(['el-tag', 'el-tag--info', 'el-tag--plain']));
  });

  it('explains a list that could not be loaded, and loads it again on retry', async () => {
    const fake = createFakeApi();
    const { wrapper: page } = await devicesPage(fake);
    fake.api.devices.listPage.mockRejectedValueOnce(
      new ApiError({ code: 'timeout', message: 'slow', hint: 'Try again.' }),
    );
    await page.get(byTestId('refresh-devices')).trigger('click');
    await flushPromises();
    const alert = page.get(byTestId('devices-error'));
    expect(alert.text()).toContain('The devices could not be loaded');
    expect(alert.text()).toContain('Try again.');
    await alert.get(byTestId('retry')).trigger('click');
    await flushPromises();
    expect(page.get(byTestId('device-count')).attributes('data-total')).toBe('3');
  });
});

describe('register dialog', () => {
  it('registers what a scanner typed, once, when its Enter comes', async () => {
    const fake = createFakeApi();
    fake.api.devices.checkIdentifier.mockResolvedValue({
      value: '487a55abcdef',
      kind: 'mac',
      display: '48:7A:55:AB:CD:EF',
      compatibleModels: [models[0] as (typeof models)[0]],
    });
    await devicesPage(fake);
    const input = await openRegisterDialog();
    typeInto(input, '487A.55AB.CDEF');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flushPromises();
    expect(fake.api.devices.checkIdentifier).toHaveBeenCalledTimes(1);
    expect(fake.api.devices.checkIdentifier).toHaveBeenCalledWith({
      systemId: lyon.id,
      identifier: '487A.55AB.CDEF',
    });
    expect(fake.api.devices.register).toHaveBeenCalledTimes(1);
    expect(fake.api.devices.register).toHaveBeenCalledWith({
      systemId: lyon.id,
      identifier: '487A.55AB.CDEF',
      deviceTypeId: 1,
    });
    // The new device opens, so its registration can be watched.
    expect(inBody('device-drawer').dataset.deviceId).toBe('dev-new');
  });

  it('names the field and the reason of every refusal', async () => {
    const fake = createFakeApi();
    await devicesPage(fake);
    await openRegisterDialog();
    await showingFormErrors(() => inBody('register-submit').click());
    const dialog = inBody('register-dialog').textContent ?? '';
    expect(dialog).toContain('MAC address or IPEI: enter the MAC address or the IPEI from the device label.');
    expect(dialog).toContain('Model: choose the model of this phone.');
    expect(fake.api.devices.register).not.toHaveBeenCalled();
  });

  it('shows the core’s reading of a bad identifier under the field', async () => {
    const fake = createFakeApi();
    fake.api.devices.checkIdentifier.mockRejectedValue(
      new ApiError({
        code: 'invalid-input',
        message: 'The MAC address "48:7A:55:0G" contains the letter G.',
        issues: [{ field: 'identifier', message: 'The MAC address "48:7A:55:0G" contains the letter G.' }],
      }),
    );
    await devicesPage(fake);
    const input = await openRegisterDialog();
    typeInto(input, '48:7A:55:0G');
    await showingFormErrors(() =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
    );
    expect(inBody('register-dialog').textContent).toContain(
      'MAC address or IPEI: The MAC address "48:7A:55:0G" contains the letter G.',
    );
    expect(fake.api.devices.register).not.toHaveBeenCalled();
  });

  it('points to the device that already has the identifier', async () => {
    const fake = createFakeApi();
    fake.api.devices.checkIdentifier.mockResolvedValue({
      value: '487a550a1b01',
      kind: 'mac',
      display: '48:7A:55:0A:1B:01',
      compatibleModels: [models[0] as (typeof models)[0]],
      existing: deskphone(),
    });
    const { router } = await devicesPage(fake);
    const input = await openRegisterDialog();
    typeInto(input, '48:7a:55:0a:1b:01');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await flushPromises();
    expect(inBody('identifier-existing').textContent).toContain('Reception desk');
    expect(fake.api.devices.register).not.toHaveBeenCalled();
    inBody('identifier-existing-link').click();
    await flushPromises();
    expect(router?.currentRoute.value.params.deviceId).toBe('dev-1');
  });
});
