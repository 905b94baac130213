import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import SignInView from '@renderer/features/sign-in/SignInView.vue';
import SystemPickerView from '@renderer/features/systems/SystemPickerView.vue';
import { useDevicesStore } from '@renderer/features/devices/devices-store';
import { installSessionGuards } from './guards';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable while signed out; every other route needs a session. */
    public?: boolean;
  }
}

const SystemLayout = () => import('@renderer/features/systems/SystemLayout.vue');
const OverviewView = () => import('@renderer/features/systems/OverviewView.vue');
const DevicesView = () => import('@renderer/features/devices/DevicesView.vue');

/**
 * The two first screens (sign-in, the CloudPBX picker) are in the entry chunk; every other screen is its own
 * chunk, loaded when first opened, so start-up parses only what it shows (`npm run bench:bundle` checks the size).
 * A new screen follows the same pattern: `component: () => import('@renderer/features/<feature>/<Name>View.vue')`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'systems' } },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: SignInView,
    meta: { public: true },
  },
  { path: '/systems', name: 'systems', component: SystemPickerView },
  {
    path: '/systems/:systemId',
    component: SystemLayout,
    props: true,
    // The device list is what a technician opens next, and the longest to list: it starts on choosing the
    // CloudPBX, before this route's chunks load (the store keeps a failure for the screen). The device screen's
    // chunks load once the CloudPBX's own screens have: asked together, its ~25 chunks queued ahead of them on
    // the browser's few connections to the host, and the overview and its menu showed later. A failure here
    // is reported when the route itself is opened.
    beforeEnter: (to) => {
      void useDevicesStore().loadForScreen(String(to.params.systemId));
      void Promise.all([SystemLayout(), OverviewView()])
        .then(DevicesView)
        .catch(() => undefined);
    },
    children: [
      {
        path: '',
        name: 'overview',
        component: OverviewView,
        props: true,
      },
      {
        path: 'devices/:deviceId?',
        name: 'devices',
        component: DevicesView,
        props: true,
      },
      {
        path: 'subscribers/:phoneNumberId?',
        name: 'subscribers',
        component: () => import('@renderer/features/subscribers/SubscribersView.vue'),
        props: true,
      },
      {
        path: 'activity',
        name: 'activity',
        component: () => import('@renderer/features/activity/ActivityView.vue'),
        props: true,
      },
      {
        path: 'import',
        name: 'import',
        component: () => import('@renderer/features/import/ImportView.vue'),
        props: true,
      },
      {
        path: 'discover',
        name: 'discover',
        component: () => import('@renderer/features/discover/DiscoverView.vue'),
        props: true,
      },
      {
        path: 'site-check',
        name: 'site-check',
        component: () => import('@renderer/features/site-check/SiteCheckView.vue'),
        props: true,
      },
      {
        path: 'diagnose',
        name: 'diagnose',
        component: () => import('@renderer/features/diagnose/DiagnoseView.vue'),
        props: true,
      },
    ],
  },
  { path: '/:unknown(.*)*', redirect: { name: 'systems' } },
];

/** Hash history: the page is served from file:// in Electron and from a loopback host in the browser shell. */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  const router = createRouter({ history, routes });
  installSessionGuards(router);
  return router;
}
