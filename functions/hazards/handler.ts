/** The hazards context's Lambda: 隐患管理's routes and the InspectionCompleted consumer. */
import { defineHandler } from '../lib/handler';
import { onInspectionCompleted, registerHazard } from './issue';
import { confirmHazard, rescheduleHazard, returnHazard, submitRectification } from './loop';
import { hazardsManifest } from './manifest';
import { getHazard, listHazards, listOwnHazards, listSteps } from './read';

const metaOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = defineHandler(hazardsManifest, ({ store }) => ({
  routes: {
    registerHazard: async (input) => registerHazard(store, input.principal, input.body, metaOf(input)),
    listHazards: async ({ principal, query }) => listHazards(store, principal, query),
    listOwnHazards: async ({ principal, query }) => listOwnHazards(store, principal, query),
    getHazard: async ({ principal, params }) => getHazard(store, principal, params.hazardId),
    listHazardSteps: async ({ principal, params, query }) => listSteps(store, principal, params.hazardId, query),
    submitRectification: async (input) =>
      submitRectification(store, input.principal, input.params.hazardId, input.body, metaOf(input)),
    confirmHazard: async (input) =>
      confirmHazard(store, input.principal, input.params.hazardId, input.body.version, metaOf(input)),
    returnHazard: async (input) =>
      returnHazard(store, input.principal, input.params.hazardId, input.body, metaOf(input)),
    rescheduleHazard: async (input) =>
      rescheduleHazard(store, input.principal, input.params.hazardId, input.body, metaOf(input)),
  },
  consumers: {
    inspectionCompleted: async (event, log) => {
      await onInspectionCompleted(store, event, log);
    },
  },
}));
