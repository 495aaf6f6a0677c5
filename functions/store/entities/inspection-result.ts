import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * A completed inspection's PUBLIC result (一公开): what the portal shows and nothing more — 检查对象, 统一社会信用代码,
 * 检查事项, 检查部门, 检查日期, and the number of items found wanting (never which ones, nor what was written).
 * Written once, when the task is published (the daily job or the 公开 button), in the task's partition.
 *
 * Each search of the portal is one Query on an index:
 * - newest first:           gsi1 `feed` = 'all',         sorted by checkDate, taskId (read backwards);
 * - by 统一社会信用代码:      gsi2 uscc,                   sorted by checkDate, taskId;
 * - by 检查部门:             gsi3 department,             sorted by checkDate, taskId.
 * The name search (a prefix of 企业名称) reads inspectionResultName, its twin sorted by name.
 */
export const inspectionResultModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionResult', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true },
        feed: { type: 'string', required: true, default: 'all', readOnly: true },
        kind: { type: ['independent', 'random', 'joint'] as const, required: true },
        enterpriseName: { type: 'string', required: true },
        /** Absent for a unit that has only a 注册号 (then not in the code index). */
        uscc: { type: 'string' },
        title: { type: 'string', required: true },
        checklistName: { type: 'string', required: true },
        category: { type: 'string', required: true },
        department: { type: 'string', required: true },
        /** The lead and the participating departments of a joint task, else the one department. */
        departments: { type: 'list', items: { type: 'string' }, required: true },
        /** yyyy-MM-dd (Asia/Shanghai) of the completion. */
        checkDate: { type: 'string', required: true },
        unsatisfiedCount: { type: 'number', required: true },
        itemCount: { type: 'number', required: true },
        drawId: { type: 'string' },
        publishedAt: { type: 'string', required: true },
      },
      indexes: {
        byTask: {
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: [] },
        },
        newest: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['feed'] },
          sk: { field: 'gsi1sk', composite: ['checkDate', 'taskId'] },
        },
        byCode: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['uscc'] },
          sk: { field: 'gsi2sk', composite: ['checkDate', 'taskId'] },
        },
        byDepartment: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['department'] },
          sk: { field: 'gsi3sk', composite: ['checkDate', 'taskId'] },
        },
      },
    },
    { client, table },
  );

/**
 * The name index of a public result: the same row sorted by 企业名称, so a name prefix is a `begins_with` Query
 * (gsi1 `feed` = 'names'). Written with its inspectionResult in one transaction and never changed after.
 */
export const inspectionResultNameModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionResultName', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true },
        feed: { type: 'string', required: true, default: 'names', readOnly: true },
        enterpriseName: { type: 'string', required: true },
        checkDate: { type: 'string', required: true },
        department: { type: 'string', required: true },
      },
      indexes: {
        byTask: {
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: [] },
        },
        byName: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['feed'] },
          sk: { field: 'gsi1sk', composite: ['enterpriseName', 'checkDate', 'taskId'] },
        },
      },
    },
    { client, table },
  );

/**
 * A completed task waiting for publication (一公开 within 20 working days): in the sparse `due` index
 * (partition `inspection-publication`, sorted by the last day it may be published), so the daily job reads
 * only what has fallen due. Written by the completion, deleted by the publication in its transaction.
 */
export const inspectionPublicationDueModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'inspectionPublicationDue', version: '1', service: SERVICE },
      attributes: {
        taskId: { type: 'string', required: true },
        dueKind: { type: 'string', required: true, default: 'inspection-publication', readOnly: true },
        /** yyyy-MM-dd (Asia/Shanghai): the 20th working day after the completion. */
        dueDate: { type: 'string', required: true },
        completedAt: { type: 'string', required: true },
      },
      indexes: {
        byTask: {
          pk: { field: 'pk', composite: ['taskId'] },
          sk: { field: 'sk', composite: [] },
        },
        due: {
          index: 'due',
          pk: { field: 'duepk', composite: ['dueKind'] },
          sk: { field: 'duesk', composite: ['dueDate', 'taskId'] },
        },
      },
    },
    { client, table },
  );
