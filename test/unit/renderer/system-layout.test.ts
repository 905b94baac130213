// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { RouteRecordRaw } from 'vue-router';
import { ApiError } from '@renderer/api/api';
import OverviewView from '@renderer/features/systems/OverviewView.vue';
import SystemLayout from '@renderer/features/systems/SystemLayout.vue';
import { createFakeApi, demoOnline, lyon, models, subscribers } from './support/fake-api';
import { byTestId } from './support/mount-app';
import { mountView } from './support/mount-view';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  document.body.innerHTML = '';
});

const nothing = { render: () => null };

/** The layout with the overview inside; every other place it links to is a named route that renders nothing. */
const layoutRoutes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: nothing },
  { path: '/systems', name: 'systems', component: nothing },
  {
    path: '/systems/:systemId',
    component: SystemLayout,
    props: true,
    children: [
      { path: '', name: 'overview', component: OverviewView, props: true },
      ...['devices', 'subscribers', 'activity', 'import', 'discover', 'site-check', 'diagnose'].map(
        (name) => ({
          path: name,
          name,
          component: nothing,
        }),
      ),
    ],
  },
];

async function overview(fake = createFakeApi(), systemId = lyon.id) {
  fake.api.session.state.mockResolvedValue(demoOnline);
  const view = await mountView(SystemLayout, {
    fake,
    systemId,
    routes: layoutRoutes,
    path: `/systems/${systemId}`,
  });
  wrapper = view.wrapper;
  const { router } = view;
  if (!router) throw new Error('the layout is mounted through its routes');
  return { ...view, router };
}

describe('main layout', () => {
  it('shows the CloudPBX, the user, the demo tag and the connection', async () => {
    const { wrapper: page } = await overview();
    expect(page.get(byTestId('system-name')).text()).toBe('Lyon HQ');
    expect(page.get(byTestId('session-user')).text()).toBe('Julien Fabre · profile demo');
    expect(page.find(byTestId('demo-tag')).exists()).toBe(true);
    const status = page.get(byTestId('connection-status'));
    expect(status.attributes('data-status')).toBe('online');
    expect(status.text()).toBe('Online');
    expect(status.classes()).toContain('el-tag--success');
  });

  it('follows session.changed in the connection indicator', async () => {
    const { wrapper: page, fake } = await overview();
    fake.emit('session.changed', { ...demoOnline, status: 'offline' });
    await flushPromises();
    const status = page.get(byTestId('connection-status'));
    expect(status.attributes('data-status')).toBe('offline');
    expect(status.text()).toBe('Offline');
    expect(status.classes()).toContain('el-tag--danger');
    fake.emit('session.changed', { ...demoOnline, status: 'signing-in' });
    await flushPromises();
    expect(page.get(byTestId('connection-status')).text()).toBe('Signing in…');
  });

  it('enables every section of the menu, each linking to its page of this CloudPBX', async () => {
    const { wrapper: page, router } = await overview();
    for (const name of [
      'overview',
      'discover',
      'site-check',
      'diagnose',
      'devices',
      'subscribers',
      'import',
      'activity',
    ]) {
      const item = page.get(byTestId(`nav-${name}`));
      expect(item.classes(), name).not.toContain('is-disabled');
      expect(item.text(), name).not.toContain('Soon');
      expect(item.get('a').attributes('href'), name).toBe(
        router.resolve({ name, params: { systemId: lyon.id } }).href,
      );
    }
  });

  it('goes back to the picker to switch CloudPBX', async () => {
    const { wrapper: page, router } = await overview();
    await page.get(byTestId('switch-system')).trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('systems');
  });

  it('signs out and returns to the sign-in page', async () => {
    const { wrapper: page, router, fake } = await overview();
    await page.get(byTestId('sign-out')).trigger('click');
    await flushPromises();
    expect(fake.api.session.signOut).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('switches the language from the header', async () => {
    const { wrapper: page, i18n } = await overview();
    await page.get(`${byTestId('language-fr')} input`).setValue(true);
    await flushPromises();
    expect(i18n.global.locale.value).toBe('fr');
    expect(page.get(byTestId('connection-status')).text()).toBe('En ligne');
    expect(page.get(byTestId('nav-overview')).text()).toBe('Vue d’ensemble');
  });

  it('explains a CloudPBX that cannot be opened', async () => {
    const fake = createFakeApi();
    fake.api.systems.get.mockRejectedValue(new ApiError({ code: 'not-found', message: '404 Not Found' }));
    const { wrapper: page } = await overview(fake, 'unknown-id');
    expect(page.get(byTestId('system-error')).text()).toContain('This CloudPBX could not be opened');
  });
});

describe('overview', () => {
  it('shows the CloudPBX details, its device models and its subscriber count', async () => {
    const fake = createFakeApi();
    fake.api.subscribers.list.mockResolvedValue(subscribers(5));
    const { wrapper: page } = await overview(fake);
    const details = page.get(byTestId('system-details')).text();
    for (const expected of ['Lyon HQ', lyon.id, 'FRA', 'Activated', '8', '5', 'lyon-hq.demo.invalid']) {
      expect(details).toContain(expected);
    }
    expect(fake.api.systems.models).toHaveBeenCalledWith({ systemId: lyon.id });
    const rows = page.findAll(`${byTestId('models-table')} tbody tr`);
    expect(rows).toHaveLength(models.length);
    expect(rows[0]?.text()).toContain('M5');
    expect(rows[0]?.text()).toContain('Deskphone');
    expect(rows[1]?.text()).toContain('DECT handset');
    expect(page.get(byTestId('subscriber-count')).attributes('data-count')).toBe('5');
    expect(page.text()).toContain('3 assigned to a user');
  });

  it('shows a failed model list with a retry that fetches again', async () => {
    const fake = createFakeApi();
    fake.api.systems.models.mockRejectedValueOnce(new ApiError({ code: 'timeout', message: 'slow' }));
    const { wrapper: page } = await overview(fake);
    const alert = page.get(byTestId('models-error'));
    expect(alert.text()).toContain('The device models could not be loaded');
    await alert.get(byTestId('retry')).trigger('click');
    await flushPromises();
    expect(fake.api.systems.models).toHaveBeenCalledTimes(2);
    expect(page.findAll(`${byTestId('models-table')} tbody tr`)).toHaveLength(models.length);
  });
});
