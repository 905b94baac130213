// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import { createFakeApi, demoOnline, grenoble, lyon } from './support/fake-api';
import { byTestId, mountApp } from './support/mount-app';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

async function picker(fake = createFakeApi()) {
  fake.api.session.state.mockResolvedValue(demoOnline);
  const app = await mountApp('/systems', { fake });
  wrapper = app.wrapper;
  return app;
}

const rowNames = (page: VueWrapper): string[] =>
  page.findAll(byTestId('system-row')).map((row) => row.get('.system-row__name').text());

describe('CloudPBX picker', () => {
  it('lists every CloudPBX by name with its country, status and numbering', async () => {
    const { wrapper: page } = await picker();
    expect(rowNames(page)).toEqual(['Grenoble Warehouse', 'Lyon HQ']);
    const lyonRow = page.get(`${byTestId('system-row')}[data-system-id="${lyon.id}"]`);
    expect(lyonRow.text()).toContain('FRA');
    expect(lyonRow.text()).toContain('Activated');
    expect(lyonRow.text()).toContain('Prefix 8 · 5 digits');
    expect(page.findAll('.system-row.is-highlighted')).toHaveLength(0);
  });

  it('filters as the technician types', async () => {
    const { wrapper: page } = await picker();
    const search = page.get(`input${byTestId('system-search')}`);
    await search.setValue('grenoble.demo');
    expect(rowNames(page)).toEqual(['Grenoble Warehouse']);
    await search.setValue('sys-lyon');
    expect(rowNames(page)).toEqual(['Lyon HQ']);
    await search.setValue('nowhere');
    expect(page.findAll(byTestId('system-row'))).toHaveLength(0);
    expect(page.get(byTestId('systems-no-match')).text()).toContain('No CloudPBX matches “nowhere”.');
  });

  it('still shows a single CloudPBX, highlighted, instead of skipping the picker', async () => {
    const fake = createFakeApi();
    fake.api.systems.list.mockResolvedValue([grenoble]);
    const { wrapper: page, router } = await picker(fake);
    expect(router.currentRoute.value.name).toBe('systems');
    expect(page.findAll('.system-row.is-highlighted')).toHaveLength(1);
    expect(page.text()).toContain('The only CloudPBX of this account');
  });

  it('opens the overview of the clicked CloudPBX', async () => {
    const { wrapper: page, router } = await picker();
    // The CloudPBX's screens are lazy routes: the navigation ends once their chunk is loaded.
    const navigated = new Promise<void>((resolve) => router.afterEach(() => resolve()));
    await page.get(`${byTestId('system-row')}[data-system-id="${grenoble.id}"]`).trigger('click');
    await navigated;
    expect(router.currentRoute.value.fullPath).toBe(`/systems/${grenoble.id}`);
  });

  it('says so when the account sees no CloudPBX', async () => {
    const fake = createFakeApi();
    fake.api.systems.list.mockResolvedValue([]);
    const { wrapper: page } = await picker(fake);
    expect(page.get(byTestId('systems-empty')).text()).toContain('No CloudPBX is visible to this account.');
  });

  it('shows a failed load and retries it', async () => {
    const fake = createFakeApi();
    fake.api.systems.list.mockRejectedValueOnce(
      new ApiError({ code: 'forbidden', message: '403 Forbidden', hint: 'Needs an admin role.' }),
    );
    const { wrapper: page } = await picker(fake);
    const alert = page.get(byTestId('systems-error'));
    expect(alert.text()).toContain('The CloudPBX list could not be loaded');
    expect(alert.text()).toContain('This account is not allowed to do that.');
    expect(alert.text()).toContain('Needs an admin role.');
    await alert.get(byTestId('retry')).trigger('click');
    await flushPromises();
    expect(fake.api.systems.list).toHaveBeenCalledTimes(2);
    expect(page.find(byTestId('systems-error')).exists()).toBe(false);
    expect(rowNames(page)).toHaveLength(2);
  });
});
