import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { SERVICE } from '../service-name';

/**
 * One line of an enterprise's own hazard register (企业服务平台 › 隐患管理 › 企业自纠自查隐患), in the enterprise's
 * partition beside its register entry. The id is time-ordered (`sin-<base-36 ms>-<random>`), so the partition's
 * sort key lists the newest last and a page reads backwards for newest first. 整改完成 keeps the evidence
 * (description and at least one attachment); `version` guards every change.
 */
export const selfInspectionModel = (client: DynamoDBDocumentClient, table: string) =>
  new Entity(
    {
      model: { entity: 'selfInspection', version: '1', service: SERVICE },
      attributes: {
        enterpriseId: { type: 'string', required: true },
        entryId: { type: 'string', required: true },
        /** 隐患位置. */
        location: { type: 'string', required: true },
        /** 隐患分类 (shared/api/self-inspections.ts). */
        classification: { type: 'string', required: true },
        /** 隐患现状描述. */
        description: { type: 'string', required: true },
        /** 产生原因. */
        cause: { type: 'string', required: true },
        /** 整改时限, yyyy-MM-dd. */
        deadline: { type: 'string', required: true },
        /** 整改难易度. */
        difficulty: { type: 'string', required: true },
        /** 整改状态: pending 未整改 / rectifying 整改中 / done 已整改. */
        status: { type: 'string', required: true },
        rectification: { type: 'string' },
        rectifiedAt: { type: 'string' },
        rectifiedByName: { type: 'string' },
        attachmentIds: { type: 'list', items: { type: 'string' } },
        createdByName: { type: 'string', required: true },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byEnterprise: {
          pk: { field: 'pk', composite: ['enterpriseId'] },
          sk: { field: 'sk', composite: ['entryId'] },
        },
      },
    },
    { client, table },
  );
