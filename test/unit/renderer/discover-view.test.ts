// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import { apiKey } from '@renderer/api/inject';
import DiscoverView from '@renderer/features/discover/DiscoverView.vue';
import { useLanActions } from '@renderer/features/discover/lan-actions';
import { createAppI18n } from '@renderer/i18n';
import { createFakeApi, demoOnline, lyon } from './support/fake-api';
import { lanInterface, scanPlan } from './support/fake-discovery-calls';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function discoverScreen(fake = createFakeApi()) {
  fake.api.session.state.mockResolvedValue(demoOnline);
  const app = await mountView(DiscoverView, { fake });
  wrapper = app.wrapper;
  return app;
}

const wideRefusal = () =>
  new ApiError({
    code: 'invalid-input',
    message: 'This scan covers 4,093 addresses and takes about 15 s: confirm it first.',
    issues: [{ field: 'confirmed', message: 'Confirm a scan of a subnet wider than /22.' }],
  });

describe('Discover screen', () => {
  it('labels the demo LAN as simulated and scans the default-route interface', async () => {
    const fake = createFakeApi();
    fake.api.discovery.interfaces.mockResolvedValue([
      { name: 'wlan0', addresses: ['10.0.0.5'], cidr: '10.0.0.0/24', isDefaultRoute: false },
      lanInterface,
    ]);
    const { wrapper: page } = await discoverScreen(fake);
    expect(page.get(byTestId('discover-simulated')).text()).toBe('Simulated LAN');
    expect(page.get<HTMLInputElement>(`${byTestId('discover-subnet')}`).element.value).toBe('192.168.1.0/24');

    await page.get(byTestId('discover-form')).trigger('submit');
    await flushPromises();
    expect(fake.api.discovery.start).toHaveBeenCalledWith({
      interface: 'eth0',
      subnets: ['192.168.1.0/24'],
      systemId: lyon.id,
      scanId: expect.any(String),
    });
    const progress = page.get(byTestId('discover-progress'));
    expect(progress.attributes('data-phase')).toBe('running');
    expect(progress.attributes('data-total')).toBe('253');
    expect(page.find(byTestId('discover-stop')).exists()).toBe(true);
  });

  it('asks before a subnet wider than /22, with its cost, and scans only once confirmed', async () => {
    const fake = createFakeApi();
    fake.api.discovery.start.mockRejectedValueOnce(wideRefusal()).mockRejectedValueOnce(wideRefusal());
    fake.api.discovery.plan.mockResolvedValue(
      scanPlan({
        subnets: [
          { cidr: '192.168.0.0/20', interface: 'eth0', localAddress: '192.168.1.7', addresses: 4093 },
        ],
        addresses: 4093,
        estimatedMs: 14_044,
        needsConfirmation: true,
      }),
    );
    const { wrapper: page } = await discoverScreen(fake);
    await page.get(byTestId('discover-subnet')).setValue('192.168.0.0/20');
    await page.get(byTestId('discover-form')).trigger('submit');
    await flushPromises();
    const dialog = document.querySelector(byTestId('discover-confirm-wide'));
    expect(dialog?.textContent).toContain('4,093 addresses (192.168.0.0/20)');
    expect(dialog?.textContent).toContain('15 seconds');
    (document.querySelector(byTestId('discover-confirm-cancel')) as HTMLButtonElement).click();
    await flushPromises();
    expect(fake.api.discovery.start).toHaveBeenCalledTimes(1);
    expect(page.find(byTestId('discover-progress')).exists()).toBe(false);

    await page.get(byTestId('discover-form')).trigger('submit');
    await flushPromises();
    (document.querySelector(byTestId('discover-confirm-start')) as HTMLButtonElement).click();
    await flushPromises();
    expect(fake.api.discovery.start).toHaveBeenCalledTimes(3);
    expect(fake.api.discovery.start).toHaveBeenLastCalledWith({
      interface: 'eth0',
      subnets: ['192.168.0.0/20'],
      systemId: lyon.id,
      confirmed: true,
      scanId: expect.any(String),
    });
    expect(page.get(byTestId('discover-progress')).attributes('data-phase')).toBe('running');
  });

  it('shows why a scan cannot start, with what to do', async () => {
    const fake = createFakeApi();
    fake.api.discovery.start.mockRejectedValueOnce(
      new ApiError({
        code: 'invalid-input',
        message: 'This machine is not on 10.1.2.0/24: none of its interfaces has an address in it.',
        hint: 'Plug into the LAN the phones are on, or choose a subnet this machine has an address in.',
        issues: [{ field: 'subnets.0', message: 'not on this machine' }],
      }),
    );
    const { wrapper: page } = await discoverScreen(fake);
    await page.get(byTestId('discover-subnet')).setValue('10.1.2.0/24');
    await page.get(byTestId('discover-form')).trigger('submit');
    await flushPromises();
    const error = page.get(byTestId('discover-error'));
    expect(error.text()).toContain('This scan cannot start');
    expect(error.text()).toContain('This machine is not on 10.1.2.0/24');
    expect(error.get(byTestId('error-hint')).text()).toContain('Plug into the LAN the phones are on');
  });
});

describe('LAN row actions', () => {
  function lanActions(fake = createFakeApi()) {
    let actions!: ReturnType<typeof useLanActions>;
    wrapper = mount(
      defineComponent({
        setup() {
          actions = useLanActions();
          return () => null;
        },
      }),
      {
        attachTo: document.body,
        global: { plugins: [createAppI18n('en')], provide: { [apiKey as symbol]: fake.api } },
      },
    );
    return { actions, fake };
  }

  it('copies the MAC, or shows it when the clipboard is refused', async () => {
    const { actions } = lanActions();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await actions.copyMac('487a550a1c01');
    expect(writeText).toHaveBeenCalledWith('48:7a:55:0a:1c:01');

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await actions.copyMac('487a550a1c01');
    await flushPromises();
    expect(document.querySelector('.discover-copy-failed')?.textContent).toContain(
      'The clipboard is not available: the MAC address is 48:7a:55:0a:1c:01.',
    );
  });

  /** The confirmation box on top (a closed one may still be fading out). */
  function confirmButton(kind: 'confirm' | 'cancel'): HTMLElement {
    const boxes = document.querySelectorAll('.discover-web-admin-confirm');
    const box = boxes[boxes.length - 1];
    const button = box?.querySelectorAll<HTMLElement>('.el-message-box__btns .el-button')[
      kind === 'confirm' ? 1 : 0
    ];
    if (!button) throw new Error('no web admin confirmation on screen');
    return button;
  }

  it('opens the web admin over https only after confirmation, in a new tab when the shell cannot', async () => {
    const { actions, fake } = lanActions();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);

    const cancelled = actions.openWebAdmin('192.168.1.22');
    await flushPromises();
    const box = document.querySelector('.discover-web-admin-confirm');
    expect(box?.textContent).toContain('https://192.168.1.22/ opens in your web browser');
    confirmButton('cancel').click();
    await cancelled;
    expect(fake.api.app.openExternal).not.toHaveBeenCalled();

    const confirmed = actions.openWebAdmin('192.168.1.22');
    await flushPromises();
    confirmButton('confirm').click();
    await confirmed;
    expect(fake.api.app.openExternal).toHaveBeenCalledWith({ url: 'https://192.168.1.22/' });
    expect(open).toHaveBeenCalledWith('https://192.168.1.22/', '_blank', 'noopener,noreferrer');

    open.mockClear();
    fake.api.app.openExternal.mockResolvedValueOnce({ opened: true, url: 'https://192.168.1.22/' });
    const inElectron = actions.openWebAdmin('192.168.1.22');
    await flushPromises();
    confirmButton('confirm').click();
    await inElectron;
    expect(open).not.toHaveBeenCalled();
  });
});
