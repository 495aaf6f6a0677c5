/** The waybills context's Lambda: 电子托运单's routes, 物品流向, 溯源, and the daily reconciliation. */
import { defineHandler } from '../lib/handler';
import { chainOf } from './chain';
import { correctWaybill, createWaybill, moveWaybill } from './lifecycle';
import { waybillsManifest } from './manifest';
import {
  flowChart,
  getRevision,
  getWaybill,
  listFlows,
  listOwnWaybills,
  listRevisions,
  lookupParty,
  publicWaybill,
  signWarehouses,
} from './read';
import { reconcileShipments } from './reconcile';
import { signWaybill } from './sign';

const metaOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(waybillsManifest, ({ store }) => ({
  routes: {
    createWaybill: async (input) => createWaybill(store, input.principal, input.body, metaOf(input)),
    listOwnWaybills: async ({ principal, query }) => listOwnWaybills(store, principal, query),
    lookupParty: async ({ query }) => lookupParty(store, query.creditCode, query.category),
    listFlows: async ({ principal, query }) => listFlows(store, principal, query),
    getFlowChart: async ({ principal, query }) => flowChart(store, principal, query.category),
    getChain: async ({ principal, query }) => chainOf(store, principal, query.code),
    getWaybill: async ({ principal, params }) => getWaybill(store, principal, params.waybillId),
    listWaybillRevisions: async ({ principal, params, query }) =>
      listRevisions(store, principal, params.waybillId, query),
    getWaybillRevision: async ({ principal, params }) =>
      getRevision(store, principal, params.waybillId, params.revision),
    correctWaybill: async (input) =>
      correctWaybill(store, input.principal, input.params.waybillId, input.body, metaOf(input)),
    submitWaybill: async (input) =>
      moveWaybill(store, input.principal, input.params.waybillId, 'submit', input.body, metaOf(input)),
    departWaybill: async (input) =>
      moveWaybill(store, input.principal, input.params.waybillId, 'depart', input.body, metaOf(input)),
    arriveWaybill: async (input) =>
      moveWaybill(store, input.principal, input.params.waybillId, 'arrive', input.body, metaOf(input)),
    voidWaybill: async (input) =>
      moveWaybill(store, input.principal, input.params.waybillId, 'void', input.body, metaOf(input)),
    signWaybill: async (input) =>
      signWaybill(store, input.principal, input.params.waybillId, input.body, metaOf(input)),
    listSignWarehouses: async ({ principal, params }) => signWarehouses(store, principal, params.waybillId),
    getPublicWaybill: async ({ params }) => publicWaybill(store, params.waybillId),
  },
  jobs: {
    reconcileShipments: async (tick, log) => {
      const r = await reconcileShipments(store, new Date(tick.time), `reconcile:${tick.time}`, log);
      log.info('shipments reconciled', { ...r });
    },
  },
}));
