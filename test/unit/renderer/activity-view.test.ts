// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { ApiError } from '@renderer/api/api';
import ActivityView from '@renderer/features/activity/ActivityView.vue';
import { createFakeApi } from './support/fake-api';
import { auditEntry } from './support/fake-device-calls';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function activityPage(fake = createFakeApi()) {
  const app = await mountView(ActivityView, { fake });
  wrapper = app.wrapper;
  return app;
}

describe('activity screen', () => {
  it('lists each change with its action, object and result', async () => {
    const fake = createFakeApi();
    fake.api.audit.list.mockResolvedValue([
      auditEntry(),
      auditEntry({ action: 'device.reset', result: 'failed', error: 'The phone did not answer.' }),
    ]);
    const { wrapper: page } = await activityPage(fake);
    const rows = page.findAll(`${byTestId('activity-table')} tbody tr`);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.text()).toContain('Reboot');
    expect(rows[0]?.text()).toContain('48:7a:55:0a:1b:01');
    expect(rows[1]?.get(byTestId('activity-result-cell')).attributes('data-result')).toBe('failed');
    expect(rows[1]?.text()).toContain('The phone did not answer.');
  });

  it('exports what the filters select through a Blob URL download', async () => {
    const fake = createFakeApi();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:fieldkit/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.href).toBe('blob:fieldkit/1');
      expect(this.download).toBe('fieldkit-activity-2030-01-01.csv');
    });
    const { wrapper: page } = await activityPage(fake);
    await page.get(byTestId('activity-export')).trigger('click');
    await flushPromises();
    expect(fake.api.audit.exportCsv).toHaveBeenCalledWith({});
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(await created[0]?.text()).toContain('device.reboot');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows why an export failed', async () => {
    const fake = createFakeApi();
    fake.api.audit.exportCsv.mockRejectedValueOnce(new ApiError({ code: 'internal', message: 'Disk full.' }));
    const { wrapper: page } = await activityPage(fake);
    await page.get(byTestId('activity-export')).trigger('click');
    await flushPromises();
    expect(page.get(byTestId('activity-export-error')).text()).toContain('Disk full.');
  });
});
