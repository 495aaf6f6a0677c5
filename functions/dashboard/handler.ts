/** The dashboard context's Lambda: the 首页 figures of regulators and enterprises. */
import { defineHandler } from '../lib/handler';
import { enterpriseDashboard } from './enterprise';
import { dashboardManifest } from './manifest';
import { regulatorDashboard } from './regulator';

export const handler = defineHandler(dashboardManifest, ({ store, now }) => ({
  routes: {
    getDashboard: async ({ principal, query }) => regulatorDashboard(store, principal, query, new Date(now())),
    getEnterpriseDashboard: async ({ principal }) => enterpriseDashboard(store, principal, new Date(now())),
  },
}));
