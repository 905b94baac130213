import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import OverviewView from '@renderer/views/OverviewView.vue';
import SignInView from '@renderer/views/SignInView.vue';
import SystemLayout from '@renderer/views/SystemLayout.vue';
import SystemPickerView from '@renderer/views/SystemPickerView.vue';
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
