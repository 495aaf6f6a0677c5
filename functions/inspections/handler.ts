/** The inspections context's Lambda: tasks, draws, joint answers (H3) and registration (H4). */
import { defineHandler } from '../lib/handler';
import { inspectionsManifest } from './manifest';
import { visibleTask } from './task-scope';
import { taskView } from './task-view';

export const handler = defineHandler(inspectionsManifest, ({ store }) => ({
  routes: {
    getInspectionTask: async ({ principal, params }) => taskView(await visibleTask(store, principal, params.taskId)),
  },
}));
