import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import ActivityView from '@renderer/features/activity/ActivityView.vue';
import DevicesView from '@renderer/features/devices/DevicesView.vue';
import DiscoverView from '@renderer/features/discover/DiscoverView.vue';
import ImportView from '@renderer/features/import/ImportView.vue';
import OverviewView from '@renderer/features/systems/OverviewView.vue';
import SignInView from '@renderer/features/sign-in/SignInView.vue';
import SubscribersView from '@renderer/features/subscribers/SubscribersView.vue';
import SystemLayout from '@renderer/features/systems/SystemLayout.vue';
import SystemPickerView from '@renderer/features/systems/SystemPickerView.vue';
import { installSessionGuards } from './guards';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable while signed out; every other route needs a session. */
    public?: boolean;
  }
}

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
    children: [
      {
        path: '',
        name: 'overview',
        component: OverviewView,
        props: true,
      },
      { path: 'devices/:deviceId?', name: 'devices', component: DevicesView, props: true },
      { path: 'subscribers/:phoneNumberId?', name: 'subscribers', component: SubscribersView, props: true },
      { path: 'activity', name: 'activity', component: ActivityView, props: true },
      { path: 'import', name: 'import', component: ImportView, props: true },
      { path: 'discover', name: 'discover', component: DiscoverView, props: true },
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
