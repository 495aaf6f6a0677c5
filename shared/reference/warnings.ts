/**
 * 大数据预警: the four kinds of warning, their grades and the one place the grade thresholds are set.
 * Shared by the functions (the scan, the lists, the dashboards) and the web, so a grade means the same
 * everywhere. Dates are Asia/Shanghai calendar days (yyyy-MM-dd); "today" comes only from `shanghaiToday`.
 */

export const WARNING_KINDS = ['licence', 'personCert', 'hazard', 'flow'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  licence: '企业资质预警',
  personCert: '人员资质预警',
  hazard: '企业隐患整改预警',
  flow: '物品流向预警',
};

/** Most severe first: the order lists and charts show them in. */
export const WARNING_GRADES = ['red', 'orange', 'yellow', 'blue'] as const;
export type WarningGrade = (typeof WARNING_GRADES)[number];

export const WARNING_GRADE_LABELS: Record<WarningGrade, string> = {
  red: '红色预警',
  orange: '橙色预警',
  yellow: '黄色预警',
  blue: '蓝色预警',
};

export const WARNING_STATUSES = ['open', 'cleared', 'closed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/**
 * The one configurable place: days before the due date at which each grade starts. Licences must be renewed
 * three months before expiry, so 蓝 starts at 90. Red is not here: it is "past the due date".
 */
export const GRADE_THRESHOLD_DAYS = { orange: 30, yellow: 60, blue: 90 } as const;

/** How far ahead the scan looks: the widest threshold. */
export const WARNING_HORIZON_DAYS = GRADE_THRESHOLD_DAYS.blue;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8, no daylight saving
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(day: string): number {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a day: ${day}`);
  return Math.round(ms / DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day `n` calendar days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * red when dueDate < today (expired / overdue); orange when 0 ≤ days ≤ 30; yellow ≤ 60; blue ≤ 90;
 * else undefined (not due). The due day itself is still valid: 0 days left is orange, the day after is red.
 */
export function gradeFor(dueDate: string, today: string): WarningGrade | undefined {
  const days = daysBetween(today, dueDate);
  if (days < 0) return 'red';
  if (days <= GRADE_THRESHOLD_DAYS.orange) return 'orange';
  if (days <= GRADE_THRESHOLD_DAYS.yellow) return 'yellow';
  if (days <= GRADE_THRESHOLD_DAYS.blue) return 'blue';
  return undefined;
}

/** The Asia/Shanghai calendar day (yyyy-MM-dd) of an instant: 2026-12-06T16:00Z is already the 7th there. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export const FLOW_WARNING_TYPES = ['stock-difference', 'flow-unclosed', 'flow-quantity'] as const;
export type FlowWarningType = (typeof FLOW_WARNING_TYPES)[number];

export const FLOW_WARNING_TYPE_LABELS: Record<FlowWarningType, string> = {
  'stock-difference': '库存差异预警',
  'flow-unclosed': '流向未闭合预警',
  'flow-quantity': '流向数量差异预警',
};

/**
 * What a warning shows about its cause, copied from the cause when raised (the lists read no other item).
 * Whichever fields apply to the kind are present.
 */
export interface WarningDetail {
  /** Certificate / licence: 证书类型 (licence name or certificate type), 证书编号, 发证机关, validity. */
  certificateType?: string;
  number?: string;
  issuer?: string;
  validFrom?: string;
  validTo?: string;
  personName?: string;
  personId?: string;
  licenceId?: string;
  category?: string;
  segment?: string;
  hazardId?: string;
  /** 隐患现状描述. */
  hazardDescription?: string;
  hazardName?: string;
  warehouseId?: string;
  warehouseName?: string;
  productName?: string;
  systemQuantity?: number;
  actualQuantity?: number;
  unit?: string;
  shipmentId?: string;
  stocktakeId?: string;
}

/** The detail fields that are numbers (the rest are strings): the store's map declares them so. */
export const WARNING_DETAIL_NUMBER_FIELDS = ['systemQuantity', 'actualQuantity'] as const;
export const WARNING_DETAIL_STRING_FIELDS = [
  'certificateType',
  'number',
  'issuer',
  'validFrom',
  'validTo',
  'personName',
  'personId',
  'licenceId',
  'category',
  'segment',
  'hazardId',
  'hazardDescription',
  'hazardName',
  'warehouseId',
  'warehouseName',
  'productName',
  'unit',
  'shipmentId',
  'stocktakeId',
] as const satisfies readonly (keyof WarningDetail)[];
