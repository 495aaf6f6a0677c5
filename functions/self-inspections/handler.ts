/** The self-inspections context's Lambda: 企业自纠自查隐患 (the enterprise's) and 企业自查自纠管理 (regulators'). */
import { defineHandler } from '../lib/handler';
import { selfInspectionsManifest } from './manifest';
import { addEntry, completeEntry, getEntry, listEntries, updateEntry } from './register';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(selfInspectionsManifest, ({ store }) => ({
  routes: {
    listOwnSelfInspections: async ({ principal, query }) =>
      listEntries(store, principal, principal.enterpriseId, query),
    addSelfInspection: async (input) => addEntry(store, input.principal, input.body, ctxOf(input)),
    getOwnSelfInspection: async ({ principal, params }) =>
      getEntry(store, principal, principal.enterpriseId, params.entryId),
    updateSelfInspection: async (input) =>
      updateEntry(store, input.principal, input.params.entryId, input.body, ctxOf(input)),
    completeSelfInspection: async (input) =>
      completeEntry(store, input.principal, input.params.entryId, input.body, ctxOf(input)),
    listEnterpriseSelfInspections: async ({ principal, params, query }) =>
      listEntries(store, principal, params.enterpriseId, query),
    getEnterpriseSelfInspection: async ({ principal, params }) =>
      getEntry(store, principal, params.enterpriseId, params.entryId),
  },
}));
