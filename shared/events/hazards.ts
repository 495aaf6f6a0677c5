/**
 * Events of the hazards context (source `hazmat.hazards`): each written in the transaction of the transition it
 * announces (functions/hazards/). The inbox listens (functions/notifications/on-hazard.ts): 下发, 退回 and 确认 go to
 * the enterprise's account, 整改情况 to the sending department's officers who cover the enterprise. `round` numbers
 * the loop (how many 退回 came before), so each round's message has its own id and a redelivery none.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { defineEvent } from './contract';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** What every hazard event says about the hazard. */
const hazard = {
  hazardId: z.string().check(z.regex(/^hz-[\w-]{1,80}$/)),
  name: text(300),
  enterpriseId: text(120),
  enterpriseName: text(500),
  regionCode: z.string().check(z.regex(/^35(\d{2}){0,2}$/)),
  category: z.enum(CATEGORY_CODES),
  sendingDepartment: z.enum(DEPARTMENT_CODES),
  responsibleDepartment: z.enum(DEPARTMENT_CODES),
  deadline: isoDate,
  round: z.number().check(z.int(), z.gte(0)),
};

/** A hazard was issued (下发) to an enterprise: from an inspection's 不满足 item or 登记隐患问题. */
export const HazardIssued = defineEvent({
  context: 'hazards',
  detailType: 'HazardIssued',
  version: 1,
  payload: z.object({ ...hazard, issuedAt: z.iso.datetime({ offset: true }) }),
});
export type HazardIssued = z.output<typeof HazardIssued.payload>;

/** The enterprise submitted its 整改情况: the hazard waits for a regulator's 确认 or 退回. */
export const RectificationSubmitted = defineEvent({
  context: 'hazards',
  detailType: 'RectificationSubmitted',
  version: 1,
  payload: z.object({ ...hazard, submittedAt: z.iso.datetime({ offset: true }) }),
});
export type RectificationSubmitted = z.output<typeof RectificationSubmitted.payload>;

/** A regulator sent the 整改情况 back (退回) with a reason and a new 整改时限. `round` is the 退回's own number (≥ 1). */
export const HazardReturned = defineEvent({
  context: 'hazards',
  detailType: 'HazardReturned',
  version: 1,
  payload: z.object({
    ...hazard,
    reason: text(2000),
    returnedByName: z.string().check(z.maxLength(100)),
    returnedAt: z.iso.datetime({ offset: true }),
  }),
});
export type HazardReturned = z.output<typeof HazardReturned.payload>;

/** A regulator confirmed the rectification (确认): the hazard is 已整改. */
export const HazardConfirmed = defineEvent({
  context: 'hazards',
  detailType: 'HazardConfirmed',
  version: 1,
  payload: z.object({
    ...hazard,
    confirmedByName: z.string().check(z.maxLength(100)),
    confirmedAt: z.iso.datetime({ offset: true }),
  }),
});
export type HazardConfirmed = z.output<typeof HazardConfirmed.payload>;
