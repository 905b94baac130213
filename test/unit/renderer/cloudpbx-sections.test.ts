// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import OverviewView from '@renderer/features/systems/OverviewView.vue';
import { pageOf, searchByWords } from '@renderer/features/systems/paged-search';
import { createFakeApi, lyon } from './support/fake-api';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

async function overview(fake = createFakeApi()) {
  const view = await mountView(OverviewView, { fake, systemId: lyon.id });
  wrapper = view.wrapper;
  return view;
}

async function openSection(page: VueWrapper, testId: string): Promise<void> {
  await page.get(`${byTestId(testId)} .el-collapse-item__header`).trigger('click');
  await flushPromises();
}

describe('CloudPBX telephony sections of the Overview', () => {
  it('fetches nothing before a section is opened, then only that section, once', async () => {
    const { wrapper: page, fake } = await overview();
    expect(page.find(byTestId('cloudpbx-sections')).exists()).toBe(true);
    expect(fake.api.cloudpbx.ddis).not.toHaveBeenCalled();
    expect(fake.api.cloudpbx.trunks).not.toHaveBeenCalled();

    await openSection(page, 'section-trunks');
    expect(fake.api.cloudpbx.trunks).toHaveBeenCalledWith({ systemId: lyon.id });
    expect(fake.api.cloudpbx.ddis).not.toHaveBeenCalled();
    const states = page.findAll(byTestId('trunk-state')).map((state) => state.attributes('data-in-service'));
    expect(states).toEqual(['true', 'false']);

    await openSection(page, 'section-trunks');
    await openSection(page, 'section-trunks');
    expect(fake.api.cloudpbx.trunks).toHaveBeenCalledTimes(1);
  });

  it('shows a DDI to a group and a DDI through a trunk that is down, paged and searchable', async () => {
    const { wrapper: page } = await overview();
    await openSection(page, 'section-ddis');
    const destinations = page.findAll(byTestId('ddi-destination'));
    expect(destinations).toHaveLength(20);
    expect(destinations[0]?.attributes('data-kind')).toBe('group');
    expect(destinations[0]?.text()).toContain('Reception');
    expect(page.findAll(byTestId('ddi-trunk'))[1]?.text()).toContain('Down');
    expect(page.find(byTestId('ddis-pages')).exists()).toBe(true);

    await page.get(`input${byTestId('ddis-search')}`).setValue('reception');
    await flushPromises();
    expect(page.findAll(byTestId('ddi-number')).map((cell) => cell.text())).toEqual(['+33478980000']);
    expect(page.find(byTestId('ddis-pages')).exists()).toBe(false);
  });

  it('says which section failed and fetches it again on retry', async () => {
    const fake = createFakeApi();
    fake.api.cloudpbx.emergencyNumbers.mockRejectedValueOnce(
      new ApiError({ code: 'forbidden', message: 'No' }),
    );
    const { wrapper: page } = await overview(fake);
    await openSection(page, 'section-emergency');
    expect(page.text()).toContain('The emergency numbers could not be loaded');
    await page.get(`${byTestId('section-emergency')} .el-alert button`).trigger('click');
    await flushPromises();
    expect(fake.api.cloudpbx.emergencyNumbers).toHaveBeenCalledTimes(2);
    expect(page.text()).toContain('European emergency number');
  });
});

describe('paged search', () => {
  it('keeps the items holding every word, whatever the case', () => {
    const items = ['Carrier SIP trunk', 'Legacy carrier', 'Other'];
    expect(searchByWords(items, 'CARRIER', (item) => [item])).toEqual([
      'Carrier SIP trunk',
      'Legacy carrier',
    ]);
    expect(searchByWords(items, 'carrier legacy', (item) => [item])).toEqual(['Legacy carrier']);
    expect(searchByWords(items, '  ', (item) => [item])).toEqual(items);
  });

  it('cuts pages from 1, the last one short and past it empty', () => {
    const items = [1, 2, 3, 4, 5];
    expect(pageOf(items, 1, 2)).toEqual([1, 2]);
    expect(pageOf(items, 3, 2)).toEqual([5]);
    expect(pageOf(items, 4, 2)).toEqual([]);
  });
});
