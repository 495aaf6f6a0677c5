/**
 * Events of the inspections context (source `hazmat.inspections`).
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { defineEvent } from './contract';

/** Trimmed, non-empty text of at most `max` characters. */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const id = z.string().check(z.regex(/^[\w-]{1,120}$/));

/**
 * An inspection task was completed (完成 on the 登记 page): every checklist item answered. Written in the
 * completion's own transaction (functions/inspections/completion.ts), once per task — completing again writes
 * nothing. Carries the 不满足 items with what the inspectors wrote and attached, and nothing else of the
 * answers: issue 11's 隐患 are made from exactly these.
 */
export const InspectionCompleted = defineEvent({
  context: 'inspections',
  detailType: 'InspectionCompleted',
  version: 1,
  payload: z.object({
    taskId: id,
    kind: z.enum(['independent', 'random', 'joint']),
    title: text(200),
    category: z.enum(CATEGORY_CODES),
    department: z.enum(DEPARTMENT_CODES),
    regionCode: z.string().check(z.regex(/^35(\d{2}){0,2}$/)),
    enterpriseId: text(120),
    enterpriseName: text(500),
    completedAt: z.iso.datetime({ offset: true }),
    completedBy: z.object({ accountId: text(128), name: z.string().check(z.maxLength(100)) }),
    unsatisfied: z.array(
      z.object({
        seq: z.number().check(z.int(), z.gte(1)),
        stage: z.string().check(z.maxLength(200)),
        content: text(2000),
        basis: z.optional(z.string().check(z.maxLength(1000))),
        description: text(2000),
        attachmentIds: z.array(id),
      }),
    ),
  }),
});
export type InspectionCompleted = z.output<typeof InspectionCompleted.payload>;
