/**
 * How register values read on the screens: 登记状态, 单位类型, 从业环节 and 行政区划 by name (the API sends codes),
 * and the 预警 mark of a licence by its 有效截止日期. The field labels themselves are shared with the API's
 * before/after table (shared/domain/register-labels.ts), so the form, the detail and the review say the same.
 */
import { CHANGE_KIND_NAMES, CHANGE_STATUS_NAMES } from '$shared/api/register';
import {
  ENTERPRISE_UNIT_TYPES,
  REGISTRATION_STATUSES,
  isRegistrationStatusCode,
  isUnitTypeCode,
  registrationStatus,
  unitType,
} from '$shared/reference/enterprise-options';
import { findRegion } from '$shared/reference/regions';
import { findSegment, segmentLabel } from '$shared/reference/segments';
import { addDays, beijingDate } from '$lib/admin/time';
import type { Option } from '$lib/ui/options';

export { ENTERPRISE_FIELD_LABELS, LICENCE_FIELD_LABELS } from '$shared/domain/register-labels';

/** '在管(开业)企业' for its code; an unknown code (old data) as it is. */
export function statusName(code: string | undefined): string {
  if (!code) return '';
  return isRegistrationStatusCode(code) ? registrationStatus(code).name : code;
}

/** '国有企业' for its code; an unknown code as it is. */
export function unitTypeName(code: string | undefined): string {
  if (!code) return '';
  return isUnitTypeCode(code) ? unitType(code).name : code;
}

/** '危险化学品·经营'; an unknown pair as `category/segment`. */
export function segmentName(category: string, segment: string): string {
  return findSegment(category, segment) ? segmentLabel(category, segment) : `${category}/${segment}`;
}

export function segmentsText(segments: readonly { category: string; segment: string }[]): string {
  return segments.map((s) => segmentName(s.category, s.segment)).join('、');
}

/** '福建省泉州市鲤城区' from the API's name, else from the reference, else the code. */
export function regionFullName(code: string, name?: string): string {
  return name || findRegion(code)?.fullName || code;
}

/**
 * The region in a list cell as the seed's lists write it: the full name (福建省福州市鼓楼区). Kept as a
 * function so every list reads the same.
 */
export function regionCellText(item: { regionCode: string; regionName?: string }): string {
  return regionFullName(item.regionCode, item.regionName);
}

export const UNIT_TYPE_OPTIONS: readonly Option[] = ENTERPRISE_UNIT_TYPES.map((t) => ({
  value: t.code,
  label: t.name,
}));
export const STATUS_OPTIONS: readonly Option[] = REGISTRATION_STATUSES.map((s) => ({ value: s.code, label: s.name }));

export type ChangeKind = keyof typeof CHANGE_KIND_NAMES;
export type ChangeStatus = keyof typeof CHANGE_STATUS_NAMES;

export function changeKindName(kind: string): string {
  return (CHANGE_KIND_NAMES as Record<string, string>)[kind] ?? kind;
}

export function changeStatusName(status: string): string {
  return (CHANGE_STATUS_NAMES as Record<string, string>)[status] ?? status;
}

/** The colour of a request's status tag. */
export function changeStatusTone(status: string): 'success' | 'warning' | 'danger' | undefined {
  if (status === 'pending') return 'warning';
  if (status === 'approved') return 'success';
  if (status === 'rejected') return 'danger';
  return undefined;
}

/** How close a licence is to its end, for the 预警 column: the seed's 企业资质预警 looks 30 days ahead. */
export const EXPIRY_WARNING_DAYS = 30;

export interface ExpiryMark {
  level: 'expired' | 'expiring';
  /** The tooltip and accessible text. */
  text: string;
}

/**
 * The 预警 mark of a licence valid until `validTo` (YYYY-MM-DD), as of `today` (Beijing calendar day): red once
 * the day has passed, orange within 30 days, none otherwise or without a date.
 */
export function expiryMark(
  validTo: string | undefined,
  licenceName: string,
  today: string = beijingDate(Date.now()),
): ExpiryMark | undefined {
  if (!validTo) return undefined;
  if (validTo < today) return { level: 'expired', text: `${licenceName}已于${validTo}过期` };
  if (validTo <= addDays(today, EXPIRY_WARNING_DAYS)) {
    return { level: 'expiring', text: `${licenceName}将于${validTo}到期` };
  }
  return undefined;
}

/** A cell's text: '-' for nothing, as the seed's tables show it. */
export function orDash(v: string | number | null | undefined): string {
  return v === undefined || v === null || v === '' ? '-' : String(v);
}
