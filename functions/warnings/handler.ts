/** The warnings context's Lambda: the daily scan, 立即扫描 and its runs, and clearing on events. */
import { defineHandler } from '../lib/handler';
import { warningsManifest } from './manifest';
import { onChangeRequestDecided, onHazardConfirmed, onStaffCertificatesChanged } from './on-events';
import { executeRun, getScan, listScans, runDailyScan, startScan } from './runs';

export const handler = defineHandler(warningsManifest, ({ store }) => ({
  routes: {
    startWarningScan: async ({ principal, requestId, sourceIp }) =>
      startScan(store, principal, { requestId, sourceIp }),
    listWarningScans: async ({ query }) => listScans(store, query),
    getWarningScan: async ({ params }) => getScan(store, params.runId),
  },
  consumers: {
    scanRequested: async (event, log) => executeRun(store, event.detail.data.runId, log),
    changeRequestDecided: async (event, log) => onChangeRequestDecided(store, event, log),
    staffCertificatesChanged: async (event, log) => onStaffCertificatesChanged(store, event, log),
    hazardConfirmed: async (event, log) => onHazardConfirmed(store, event, log),
  },
  jobs: {
    scan: async (tick, log) => runDailyScan(store, tick.time, log),
  },
}));
