/**
 * The inspection sheets context's Lambda: the inspection spreadsheets (检查清单's template and import). Each
 * sheet is a module of its own; this file only routes to them.
 */
import { checklistNameOf } from '../../shared/api/checklists';
import { createChecklist } from '../lib/checklists/write';
import { defineHandler } from '../lib/handler';
import { requireCategory } from '../lib/scope';
import { templateDownload } from '../lib/spreadsheet';
import { summaryOf } from '../lib/checklists/view';
import { buildChecklistTemplate, CHECKLIST_TEMPLATE_FILENAME, readChecklistItems } from './checklist-sheet';
import { inspectionSheetsManifest } from './manifest';
import { buildExpertTemplate, EXPERT_TEMPLATE_FILENAME, readExperts } from './expert-sheet';
import { assertManagesExperts, departmentPhones, expertView, importExperts } from '../lib/officers/experts';

const expertTemplate = templateDownload(EXPERT_TEMPLATE_FILENAME, buildExpertTemplate);

export const handler = defineHandler(inspectionSheetsManifest, ({ store, logger, now }) => ({
  routes: {
    getChecklistTemplate: templateDownload(CHECKLIST_TEMPLATE_FILENAME, buildChecklistTemplate),
    importChecklist: async ({ principal, body, sourceIp, requestId }) => {
      requireCategory(principal, body.category);
      const items = await readChecklistItems(Buffer.from(body.contentBase64, 'base64'));
      const header = await createChecklist(
        store,
        principal,
        { kind: body.kind, category: body.category, name: checklistNameOf(body.filename), items },
        { sourceIp, requestId, now: new Date(now()) },
      );
      logger.info('checklist imported', {
        by: principal.accountId,
        checklistId: header.checklistId,
        items: items.length,
      });
      return summaryOf(principal, header);
    },
    getExpertTemplate: async ({ principal }) => {
      assertManagesExperts(principal);
      return expertTemplate();
    },
    importExperts: async ({ principal, body, sourceIp, requestId }) => {
      assertManagesExperts(principal);
      const content = Buffer.from(body.contentBase64, 'base64');
      const inputs = await readExperts(content, principal, await departmentPhones(store, principal.department));
      const records = await importExperts(
        store,
        principal,
        inputs,
        { sourceIp, requestId, filename: body.filename },
        new Date(now()),
      );
      logger.info('experts imported', { by: principal.accountId, count: records.length });
      return { imported: records.length, experts: records.map(expertView) };
    },
  },
}));
