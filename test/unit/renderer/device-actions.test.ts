// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createPinia } from 'pinia';
import { flushPromises, mount } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import { apiKey } from '@renderer/api/inject';
import DeviceActions from '@renderer/features/devices/DeviceActions.vue';
import { createAppI18n } from '@renderer/i18n';
import { createFakeApi } from './support/fake-api';
import { deskphone } from './support/fake-device-calls';
import { byTestId } from './support/mount-app';

describe('device actions', () => {
  it('say a reboot whose answer was lost may have happened, and how to check', async () => {
    const fake = createFakeApi();
    fake.api.devices.reboot.mockRejectedValue(
      new ApiError({
        code: 'outcome-unknown',
        status: 504,
        message: 'Rainbow answered 504 to POST …/reboot; whether the change was made is unknown.',
        hint: 'Do not send it again yet: watch the phone’s SIP registrations.',
      }),
    );
    const wrapper = mount(DeviceActions, {
      props: { device: deskphone(), deviceName: 'Reception desk', holder: '800' },
      global: { plugins: [createPinia(), createAppI18n('fr')], provide: { [apiKey as symbol]: fake.api } },
    });

    await wrapper.get(byTestId('device-reboot')).trigger('click');
    await flushPromises();

    expect(wrapper.text()).toContain('on ne sait pas si la modification a été faite');
    expect(wrapper.text()).toContain('504');
    expect(wrapper.get(byTestId('error-hint')).text()).toContain('watch the phone’s SIP registrations');
    expect(fake.api.devices.reboot).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });
});
