/** The inspections context's Lambda: tasks, draws, joint answers (H3) and registration (H4). */
import { linkAttachmentItems } from '../lib/attachments/link';
import { defineHandler } from '../lib/handler';
import { createIndependent, createJoint, type LinkAttachments } from './create';
import { createFromDraw, draw, drawView, visibleDraw } from './draws';
import { answerJoint, cancelJoint, dropDepartment, listJoint } from './joint';
import { inspectionsManifest } from './manifest';
import { enterprisePicker, officerChoices } from './pickers';
import { publicDraw } from './public-draw';
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

export const handler = defineHandler(inspectionsManifest, ({ store, now }) => {
  const link: LinkAttachments = (p, ids, l) => linkAttachmentItems(store, p, ids, l);
  const clock = () => new Date(now());
  return {
    routes: {
      getInspectionTask: async ({ principal, params }) => taskView(await visibleTask(store, principal, params.taskId)),
      pickInspectionEnterprises: async ({ principal, query }) => enterprisePicker(store, principal, query, clock()),
      listInspectionTeamChoices: async ({ principal }) => officerChoices(store, principal),
      createIndependentInspection: async (input) =>
        createIndependent(store, input.principal, input.body, ctxOf(input), link, clock()),
      drawInspection: async (input) => draw(store, input.principal, input.body, ctxOf(input), clock()),
      getInspectionDraw: async ({ principal, params }) =>
        drawView(store, await visibleDraw(store, principal, params.drawId), clock()),
      createInspectionsFromDraw: async (input) =>
        createFromDraw(store, input.principal, input.params.drawId, input.body, ctxOf(input), link, clock()),
      getPublicDraw: async ({ params }) => publicDraw(store, params.drawId),
      createJointInspection: async (input) =>
        createJoint(store, input.principal, input.body, ctxOf(input), link, clock()),
      listJointInspections: async ({ principal, query }) => listJoint(store, principal, query),
      answerJointInspection: async (input) =>
        answerJoint(store, input.principal, input.params.taskId, input.body, ctxOf(input), clock()),
      dropJointDepartment: async (input) =>
        dropDepartment(store, input.principal, input.params.taskId, input.body, ctxOf(input)),
      cancelJointInspection: async (input) =>
        cancelJoint(store, input.principal, input.params.taskId, input.body, ctxOf(input)),
      // 登记, 完成, 删除, 一公开, 待办事项 (H4)
      listInspectionRecords: async ({ principal, query }) => recordList(store, principal, query),
      getInspectionRecord: async ({ principal, params }) => inspectionRecord(store, principal, params.taskId),
      saveInspectionAnswer: async (input) =>
        saveAnswer(store, input.principal, input.params.taskId, input.params.seq, input.body, ctxOf(input), clock),
      completeInspection: async (input) =>
        completeTask(store, input.principal, input.params.taskId, ctxOf(input), clock),
      deleteInspectionTask: async (input) =>
        deleteTask(store, input.principal, input.params.taskId, input.body.reason, ctxOf(input)),
      publishInspectionResult: async (input) =>
        publishByHand(store, input.principal, input.params.taskId, ctxOf(input), clock),
      listPublicInspectionResults: async ({ query }) => publicResults(store, query),
      getInspectionTodo: async ({ principal }) => todoList(store, principal),
    },
    jobs: {
      publishInspectionResults: async (tick, log) => {
        const r = await publishDueResults(store, new Date(tick.time), `publish:${tick.time}`);
        log.info('inspection results published', r);
      },
    },
  };
});
