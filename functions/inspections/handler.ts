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
    },
  };
});
