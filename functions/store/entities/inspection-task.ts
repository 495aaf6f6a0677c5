import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

export const INSPECTION_KINDS = ['independent', 'random', 'joint'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_STATUSES = ['awaiting-answers', 'open', 'completed', 'cancelled', 'deleted'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_TYPES = ['full', 'special'] as const;
export const INSPECTION_FORMS = ['open', 'covert'] as const;
export const JOINT_ANSWERS = ['pending', 'agreed', 'refused'] as const;
export type JointAnswer = (typeof JOINT_ANSWERS)[number];

const officers = {
  type: 'list',
  items: {
    type: 'map',
    properties: { officerId: { type: 'string', required: true }, name: { type: 'string', required: true } },
  },
} as const;
const experts = {
  type: 'list',
  items: {
    type: 'map',
    properties: { expertId: { type: 'string', required: true }, name: { type: 'string', required: true } },
  },
} as const;

/**
 * One inspection task = one 检查对象 (an enterprise). Creating a task for N enterprises writes N tasks sharing a
 * `batchId`, in one transaction. The task keeps its own copy of what it was created with (the checklist
 * version, the team), so later edits elsewhere never change a task in progress. H4's answers (登记) sit in the
 * same partition (pk = the task's id).
 *
 * Indexes: gsi1 — the department's tasks by region (牵头/检查部门's lists, within a jurisdiction prefix);
 * gsi2 — the tasks of one batch (a draw's tasks: is everything of the draw published?);
 * gsi3 — an enterprise's tasks (its own view, which hides 暗查 until registered).
 */
export const inspectionTaskModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionTask', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true, readOnly: true },
        batchId: { type: 'string', required: true, readOnly: true },
        kind: { type: INSPECTION_KINDS, required: true, readOnly: true },
        /** 检查标题. */
        title: { type: 'string', required: true },
        /** The category platform the task was created under. */
        category: { type: 'string', required: true, readOnly: true },
        /** 检查部门 / 牵头检查部门. */
        department: { type: 'string', required: true, readOnly: true },
        /** The creator's jurisdiction. */
        regionCode: { type: 'string', required: true, readOnly: true },
        enterpriseId: { type: 'string', required: true, readOnly: true },
        enterpriseName: { type: 'string', required: true },
        uscc: { type: 'string' },
        enterpriseRegionCode: { type: 'string', required: true },
        /** yyyy-MM-dd. */
        plannedStart: { type: 'string', required: true },
        plannedEnd: { type: 'string', required: true },
        inspectionType: { type: INSPECTION_TYPES, required: true },
        form: { type: INSPECTION_FORMS, required: true },
        checklist: {
          type: 'map',
          required: true,
          properties: {
            checklistId: { type: 'string', required: true },
            version: { type: 'number', required: true },
            name: { type: 'string', required: true },
            /** The items to register: the checklist's, or for 专项检查 the chosen subset's count. */
            itemCount: { type: 'number', required: true },
            /** Where the version's items are (functions/lib/checklists/read.ts `revision`). */
            revision: { type: 'string' },
          },
        },
        /** 专项检查: the chosen items' seq (sorted); absent for 全面检查. */
        itemSeqs: { type: 'list', items: { type: 'number' } },
        /** The team: the creator first, then the officers chosen or drawn. */
        officers,
        experts,
        remark: { type: 'string' },
        attachmentIds: { type: 'list', items: { type: 'string' } },
        drawId: { type: 'string' },
        joint: {
          type: 'map',
          properties: {
            departments: {
              type: 'list',
              items: {
                type: 'map',
                properties: {
                  department: { type: 'string', required: true },
                  answer: { type: JOINT_ANSWERS, required: true },
                  reason: { type: 'string' },
                  answeredBy: { type: 'string' },
                  answeredByName: { type: 'string' },
                  answeredAt: { type: 'string' },
                },
              },
            },
          },
        },
        status: { type: INSPECTION_STATUSES, required: true },
        answeredCount: { type: 'number', required: true, default: 0 },
        unsatisfiedCount: { type: 'number', required: true, default: 0 },
        createdBy: {
          type: 'map',
          required: true,
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
        },
        createdAt: { type: 'string', required: true, readOnly: true },
        completedAt: { type: 'string' },
        /** Who pressed 完成 (H4: functions/inspections/completion.ts). */
        completedBy: {
          type: 'map',
          properties: { accountId: { type: 'string', required: true }, name: { type: 'string', required: true } },
        },
        publishedAt: { type: 'string' },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byTask: {
          collection: 'inspectionTask',
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: [] },
        },
        byDepartment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['department'] },
          sk: { field: 'gsi1sk', composite: ['regionCode', 'createdAt', 'taskId'] },
        },
        byBatch: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['batchId'] },
          sk: { field: 'gsi2sk', composite: ['taskId'] },
        },
        byEnterprise: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['enterpriseId'] },
          sk: { field: 'gsi3sk', composite: ['createdAt', 'taskId'] },
        },
      },
    },
    { client, table },
  );

/**
 * "Tasks the caller is on": one row per officer of a task's team, in the task's partition, indexed by officer
 * (gsi1: the officer's tasks by `state` then 计划开始), so the 登记 list is one Query per page (+ one BatchGet
 * of the tasks for their live counts). `state` copies the task's status; whoever moves the task's status moves
 * it on the team's rows in the same transaction.
 */
export const inspectionTaskMemberModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionTaskMember', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true, readOnly: true },
        officerId: { type: 'string', required: true, readOnly: true },
        kind: { type: INSPECTION_KINDS, required: true, readOnly: true },
        state: { type: INSPECTION_STATUSES, required: true },
        plannedStart: { type: 'string', required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** 检查对象, for the 登记 list's filter inside the officer's key range (absent on rows written before it). */
        enterpriseName: { type: 'string' },
      },
      indexes: {
        byTask: {
          collection: 'inspectionTask',
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: ['officerId'] },
        },
        byOfficer: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['officerId'] },
          sk: { field: 'gsi1sk', composite: ['state', 'plannedStart', 'taskId'] },
        },
      },
    },
    { client, table },
  );

/**
 * 联合检查任务 per department: one row per department of a joint task (the 牵头 department and each 参检部门),
 * in the task's partition, indexed by department and the enterprise's region (gsi1), so a department's
 * inspectors covering the enterprise list "their" joint tasks — 未答复 / 同意 / 拒绝 — with one Query per page.
 * `answer` and `state` mirror the task's `joint.departments[]` and status, moved in the same transaction.
 */
export const inspectionJointDepartmentModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionJointDepartment', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true, readOnly: true },
        department: { type: 'string', required: true, readOnly: true },
        role: { type: ['lead', 'participant'] as const, required: true, readOnly: true },
        /** The task's category, so a department's list keeps to the categories the caller works in. */
        category: { type: 'string', required: true, readOnly: true },
        enterpriseRegionCode: { type: 'string', required: true, readOnly: true },
        answer: { type: JOINT_ANSWERS, required: true },
        state: { type: INSPECTION_STATUSES, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byTask: {
          collection: 'inspectionTask',
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: ['department'] },
        },
        byDepartment: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['department'] },
          sk: { field: 'gsi1sk', composite: ['enterpriseRegionCode', 'createdAt', 'taskId'] },
        },
      },
    },
    { client, table },
  );
