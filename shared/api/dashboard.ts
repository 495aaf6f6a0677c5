/**
 * Contracts of the 首页 dashboards (issue 12 §4): the regulators' 统计数据 and 预警信息 for one category within a
 * region of their jurisdiction (drill-down province → city → county), and the enterprise's own 待办 (hazards to
 * fix, licences and staff certificates expiring, unread messages). Both are read from counters and the caller's
 * own partitions only: a handful of DynamoDB requests whatever the data's size.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { GRADE_THRESHOLD_DAYS } from '../reference/warnings';

const REGION_CODE = /^35(\d{2}){0,2}$/;

export const DashboardQuery = z
  .object({
    category: z.enum(CATEGORY_CODES, { error: '物品类别不正确' }).check(z.meta({ title: '物品类别' })),
    /** Absent: the caller's own jurisdiction. */
    region: z
      .optional(z.string().check(z.regex(REGION_CODE, { error: '行政区划代码不正确' })))
      .check(z.meta({ title: '行政区划' })),
  })
  .check(z.meta({ id: 'DashboardQuery' }));
export type DashboardQuery = z.output<typeof DashboardQuery>;

const Grades = z.object({ red: z.number(), orange: z.number(), yellow: z.number(), blue: z.number() });
const RegionRef = z.object({ code: z.string(), name: z.string() });

export const YearFigures = z.object({
  inspectionsCompleted: z.number(),
  hazardsIssued: z.number(),
  hazardsConfirmed: z.number(),
});
export type YearFigures = z.output<typeof YearFigures>;

export const Dashboard = z
  .object({
    category: z.string(),
    /** The region shown, its full name ('福建省泉州市') and level. */
    region: z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.string() }),
    /** From the caller's jurisdiction down to the region shown (the way back up; never above the jurisdiction). */
    trail: z.array(RegionRef),
    /** The regions one level below (empty for a county): where a click drills down to. */
    children: z.array(RegionRef),
    /** When the figures were read; the Asia/Shanghai year of 本年度. */
    asOf: z.string(),
    year: z.string(),
    /** 从业单位: by segment (code, name) in the region, and for each child region. */
    segments: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
    childSegments: z.array(z.object({ code: z.string(), counts: z.record(z.string(), z.number()) })),
    /** Open warnings of the category in the region, per kind and grade. */
    warnings: z.object({
      total: z.number(),
      byKind: z.object({ licence: Grades, personCert: Grades, hazard: Grades, flow: Grades }),
    }),
    /** 本年度 inspections completed and hazards issued / confirmed, in the region and each child. */
    thisYear: YearFigures,
    childYear: z.array(z.object({ code: z.string(), figures: YearFigures })),
  })
  .check(z.meta({ id: 'Dashboard' }));
export type Dashboard = z.output<typeof Dashboard>;

/** Certificates and licences the enterprise's 首页 lists: expired, or due within the blue grade's days (90). */
export const ENTERPRISE_DUE_WITHIN_DAYS = GRADE_THRESHOLD_DAYS.blue;
/** The 首页 lists at most this many of each; the full lists are a click away. */
export const ENTERPRISE_DASHBOARD_MAX = 20;

const DueItem = z.object({
  kind: z.enum(['licence', 'personCert']),
  /** 证书名称 / 证件类型. */
  title: z.string(),
  number: z.string(),
  /** The person's name for a staff certificate. */
  personName: z.optional(z.string()),
  validTo: z.string(),
  /** Days left (negative: expired that many days ago). */
  daysLeft: z.number(),
});

export const EnterpriseDashboard = z
  .object({
    asOf: z.string(),
    today: z.string(),
    hazards: z.object({
      items: z.array(
        z.object({
          hazardId: z.string(),
          name: z.string(),
          deadline: z.string(),
          overdue: z.boolean(),
          returned: z.boolean(),
        }),
      ),
      /** More open hazards than listed. */
      more: z.boolean(),
    }),
    expiring: z.object({ items: z.array(DueItem), more: z.boolean() }),
    unreadMessages: z.number(),
  })
  .check(z.meta({ id: 'EnterpriseDashboard' }));
export type EnterpriseDashboard = z.output<typeof EnterpriseDashboard>;
