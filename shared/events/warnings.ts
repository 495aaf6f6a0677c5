/**
 * Events of the warnings context (source `hazmat.warnings`).
 */
import * as z from 'zod/mini';
import { defineEvent } from './contract';

const id = z.string().check(z.regex(/^[\w-]{1,100}$/));
const short = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * A 系统管理员 asked for a scan now (立即扫描): written with the run's item, in one transaction; the warnings
 * context itself runs the scan on delivery, so the request answers at once and the browser polls the run.
 */
export const WarningScanRequested = defineEvent({
  context: 'warnings',
  detailType: 'WarningScanRequested',
  version: 1,
  payload: z.object({ runId: id, requestedAt: z.iso.datetime({ offset: true }) }),
});
export type WarningScanRequested = z.output<typeof WarningScanRequested.payload>;

/** One new 红 / 橙 warning as the inbox tells of it. */
const raisedWarning = z.object({
  warningId: short(400),
  kind: z.enum(['licence', 'personCert', 'hazard', 'flow']),
  grade: z.enum(['red', 'orange']),
  category: short(40),
  enterpriseName: short(500),
  /** What it is about: the certificate's type and number, the person, the hazard's name… */
  subject: short(600),
  dueDate: z.optional(z.string().check(z.maxLength(10))),
});

/**
 * The new 红 and 橙 warnings of one scan, grouped by who must hear of them: the enterprise's own accounts, and
 * the responsible regulators — the category's lead department (its supervising department for a licence's
 * segment) at each level of the enterprise's region (province, city, county). A group is never split across
 * events, so the consumer sees each group whole and can tell whether it is more than 10 (then ONE digest).
 * `count` may exceed the warnings listed (lists are capped to keep an event small).
 */
export const WarningsRaised = defineEvent({
  context: 'warnings',
  detailType: 'WarningsRaised',
  version: 1,
  payload: z.object({
    runId: id,
    /** The scan's Asia/Shanghai day (the digest's date). */
    day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    groups: z.array(
      z.object({
        audience: z.union([
          z.object({ kind: z.literal('enterprise'), enterpriseId: short(120) }),
          z.object({ kind: z.literal('regulators'), department: short(40), regionCode: short(12) }),
        ]),
        count: z.number().check(z.int(), z.gte(1)),
        warnings: z.array(raisedWarning).check(z.maxLength(200)),
      }),
    ),
  }),
});
export type WarningsRaised = z.output<typeof WarningsRaised.payload>;
