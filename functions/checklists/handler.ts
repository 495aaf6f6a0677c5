/** The checklists context's Lambda: 检查清单管理's list, detail, item editing and deletion. */
import { defineHandler } from '../lib/handler';
import { checklistDetail, listChecklists, removeChecklist, updateItems } from './checklists';
import { checklistsManifest } from './manifest';

export const handler = defineHandler(checklistsManifest, ({ store, now }) => {
  const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
    requestId: input.requestId,
    sourceIp: input.sourceIp,
    now: new Date(now()),
  });
  return {
    routes: {
      listChecklists: async ({ principal, query }) => listChecklists(store, principal, query),
      getChecklist: async ({ principal, params }) => checklistDetail(store, principal, params.checklistId),
      updateChecklistItems: async (input) =>
        updateItems(store, input.principal, input.params.checklistId, input.body, ctxOf(input)),
      deleteChecklist: async (input) =>
        removeChecklist(store, input.principal, input.params.checklistId, input.body.version, ctxOf(input)),
    },
  };
});
