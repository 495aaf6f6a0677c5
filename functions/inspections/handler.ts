/** The inspections context's Lambda: tasks, draws, joint answers (H3) and registration (H4). */
import { defineHandler } from '../lib/handler';
import { inspectionsManifest } from './manifest';
import { visibleTask } from './task-scope';
import { taskView } from './task-view';
import { completeTask } from './completion';
import { deleteTask } from './deletion';
import { publicResults, publishByHand, publishDueResults } from './publication';
import { recordList, todoList } from './record-lists';
import { inspectionRecord, saveAnswer } from './registration';

const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(inspectionsManifest, ({ store }) => ({
  routes: {
    getInspectionTask: async ({ principal, params }) => taskView(await visibleTask(store, principal, params.taskId)),
    // 登记, 完成, 删除, 一公开, 待办事项 (H4)
    listInspectionRecords: async ({ principal, query }) => recordList(store, principal, query),
    getInspectionRecord: async ({ principal, params }) => inspectionRecord(store, principal, params.taskId),
    saveInspectionAnswer: async (input) =>
      saveAnswer(store, input.principal, input.params.taskId, input.params.seq, input.body, ctxOf(input)),
    completeInspection: async (input) => completeTask(store, input.principal, input.params.taskId, ctxOf(input)),
    deleteInspectionTask: async (input) =>
      deleteTask(store, input.principal, input.params.taskId, input.body.reason, ctxOf(input)),
    publishInspectionResult: async (input) => publishByHand(store, input.principal, input.params.taskId, ctxOf(input)),
    listPublicInspectionResults: async ({ query }) => publicResults(store, query),
    getInspectionTodo: async ({ principal }) => todoList(store, principal),
  },
  jobs: {
    publishInspectionResults: async (tick, log) => {
      const r = await publishDueResults(store, new Date(tick.time), `publish:${tick.time}`);
      log.info('inspection results published', r);
    },
  },
}));
