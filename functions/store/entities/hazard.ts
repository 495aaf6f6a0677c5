import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/** 已下发 (待整改) → 待确认 → 已整改; 退回 goes back to `issued` with a reason and a new deadline. */
export const HAZARD_STATUSES = ['issued', 'submitted', 'confirmed'] as const;

const actor = {
  type: 'map',
  properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
} as const;

/**
 * A hazard (隐患) found at an enterprise, in its own partition (collection `hazardDetail`: the hazard, its list
 * rows and its 整改记录 steps). Every transition rewrites the whole item with a condition on `version`, so two
 * regulators deciding at once make one decision. While it is open its 整改时限 sits in the sparse `due` index
 * (partition `hazard`), so the warnings find overdue ones by Query; 已整改 leaves the index.
 * The enterprise's own list (监管部门下发隐患) is gsi3: enterprise × time.
 */
export const hazardModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'hazard', version: '1', service: SERVICE },
      attributes: {
        hazardId: { type: 'string', required: true },
        /** 隐患名称. */
        name: { type: 'string', required: true },
        enterpriseId: { type: 'string', required: true },
        enterpriseName: { type: 'string', required: true },
        /** The enterprise's region: whose jurisdiction it lies in. */
        regionCode: { type: 'string', required: true },
        /** The categories of the enterprise's segments when the hazard was issued. */
        enterpriseCategories: { type: 'list', required: true, items: { type: 'string' } },
        /** The category platform it was issued under (the inspection's, or the 登记 page's). */
        category: { type: 'string', required: true },
        /** 存在问题和隐患. */
        problem: { type: 'string', required: true },
        /** 整改要求. */
        requirement: { type: 'string' },
        /** 整改时限, yyyy-MM-dd (Asia/Shanghai). */
        deadline: { type: 'string', required: true },
        /** 督促整改责任单位. */
        responsibleDepartment: { type: 'string', required: true },
        /** 隐患发送单位. */
        sendingDepartment: { type: 'string', required: true },
        /** 'inspection' (taskId + seq) or 'manual' (登记隐患问题). */
        sourceKind: { type: ['inspection', 'manual'] as const, required: true },
        taskId: { type: 'string' },
        itemSeq: { type: 'number' },
        attachmentIds: { type: 'list', required: true, items: { type: 'string' } },
        status: { type: HAZARD_STATUSES, required: true },
        /** How many times it was sent back (退回): numbers the rounds of the loop. */
        returnedCount: { type: 'number', required: true, default: 0 },
        /** The last 退回's reason, while it is back with the enterprise. */
        returnReason: { type: 'string' },
        /** The latest 整改情况 (the whole history is in the steps). */
        rectification: {
          type: 'map',
          properties: {
            description: { type: 'string', required: true },
            attachmentIds: { type: 'list', required: true, items: { type: 'string' } },
            submittedAt: { type: 'string', required: true },
            submittedBy: actor,
          },
        },
        sentAt: { type: 'string', required: true },
        sentBy: actor,
        confirmedAt: { type: 'string' },
        confirmedBy: actor,
        /**
         * Present only while open (both or neither — ElectroDB writes a conditional index from all its composites):
         * with them, the `due` keys are written; `dueDate` is the 整改时限.
         */
        dueKind: { type: 'string' },
        dueDate: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: {
          collection: 'hazardDetail',
          pk: { field: 'pk', composite: ['hazardId'] },
          sk: { field: 'sk', composite: [] },
        },
        byEnterprise: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['enterpriseId'] },
          sk: { field: 'gsi3sk', composite: ['sentAt', 'hazardId'] },
        },
        byDueDate: {
          index: 'due',
          // Sparse: an 已整改 hazard has no dueKind, so no `due` keys are written.
          condition: (attrs: { dueKind?: string }) => Boolean(attrs.dueKind),
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['dueDate'] },
        },
      },
    },
    { client, table },
  );
