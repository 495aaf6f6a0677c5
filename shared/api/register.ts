/**
 * Contracts of the register (单位信息管理): a regulator's unit list per category × segment, within their
 * jurisdiction, with the seed's columns and filters.
 */
import { z } from 'zod';
import { CATEGORY_CODES } from '../reference/categories';
import { REGISTRATION_STATUS_CODES } from '../reference/enterprise-options';

export const UnitListParams = z.object({
  category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }),
  segment: z.string().regex(/^[a-z][a-z-]{1,30}$/, { error: '环节不正确' }),
});

export const UnitListQuery = z
  .object({
    /** 行政区划: a region code within the caller's jurisdiction (prefix); default: the whole jurisdiction. */
    region: z
      .string()
      .regex(/^35(\d{2}){0,2}$/, { error: '「行政区划」应为福建省的区划代码' })
      .optional()
      .meta({ title: '行政区划' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(50, { error: '「单位名称」不能超过 50 个字' })
      .optional()
      .meta({ title: '单位名称' }),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(18, { error: '「统一社会信用代码」为 18 位' })
      .optional()
      .meta({ title: '统一社会信用代码' }),
    status: z
      .enum(REGISTRATION_STATUS_CODES, { error: '「登记状态」不是可选的值' })
      .optional()
      .meta({ title: '登记状态' }),
    cursor: z.string().max(2048, { error: '翻页标记无效，请重新查询' }).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100, { error: '每页最多 100 条' })
      .default(10)
      .meta({ title: '每页条数' }),
  })
  .meta({ id: 'UnitListQuery' });

export const UnitListItem = z
  .object({
    enterpriseId: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    name: z.string(),
    creditCode: z.string().optional(),
    registrationStatus: z.string(),
    licenceNumber: z.string().optional(),
    unitType: z.string().optional(),
    legalRepresentative: z.string().optional(),
    phone: z.string().optional(),
    staffCount: z.number().int(),
  })
  .meta({ id: 'UnitListItem' });

export const UnitListPage = z
  .object({ items: z.array(UnitListItem), cursor: z.string().nullable() })
  .meta({ id: 'UnitListPage' });
