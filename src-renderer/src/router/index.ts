import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
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
    component: () => import('@renderer/views/SignInView.vue'),
    meta: { public: true },
  },
  { path: '/systems', name: 'systems', component: () => import('@renderer/views/SystemPickerView.vue') },
  {
    path: '/systems/:systemId',
    component: () => import('@renderer/views/SystemLayout.vue'),
    props: true,
    children: [
      {
        path: '',
        name: 'overview',
        component: () => import('@renderer/views/OverviewView.vue'),
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
