/**
 * The 新增企业 / 企业信息纠错 form apart from its markup: the form's text fields and the `Enterprise` value they
 * make, checked with the very schema the API validates with (shared/domain/register.ts), so a message under a
 * field is the one the API would give. The API's own refusals (`details` of a 400/409) are placed on the same
 * fields.
 */
import type { EnterpriseView } from '$shared/api/register';
import { CODE_REQUIRED, Enterprise } from '$shared/domain/register';
import { ENTERPRISE_FIELDS, type EnterpriseFieldName } from '$shared/domain/register-labels';
import { segmentKey } from '$shared/reference/segments';
import { ApiError } from '$lib/api/client';

/** A field of the form (the seed's order is ENTERPRISE_FIELDS); `segments` is 从业环节, `attachmentIds` 营业执照附件. */
export type EnterpriseFormField = EnterpriseFieldName;

/** The form as edited: text everywhere ('' = empty), 从业环节 as `category/segment` keys. */
export interface EnterpriseFormState {
  name: string;
  /** A city ('3505', 市本级) or a county ('350503'); '' before a choice. */
  regionCode: string;
  unitType: string;
  registrationStatus: string;
  registrationNo: string;
  creditCode: string;
  /** 万人民币, as typed. */
  registeredCapital: string;
  legalRepresentative: string;
  phone: string;
  registeredOn: string;
  approvedOn: string;
  businessTermFrom: string;
  businessTermTo: string;
  registrationAuthority: string;
  address: string;
  businessScope: string;
  segments: string[];
  attachmentIds: string[];
}

/** The seed's 新增企业 form opens with 登记状态 在管(开业)企业 and everything else empty. */
export function enterpriseFormState(
  initial: Partial<Enterprise> = {},
  attachmentIds: readonly string[] = [],
): EnterpriseFormState {
  const text = (v: string | undefined) => v ?? '';
  return {
    name: text(initial.name),
    regionCode: text(initial.regionCode),
    unitType: text(initial.unitType),
    registrationStatus: initial.registrationStatus ?? 'in-business',
    registrationNo: text(initial.registrationNo),
    creditCode: text(initial.creditCode),
    registeredCapital: initial.registeredCapital === undefined ? '' : String(initial.registeredCapital),
    legalRepresentative: text(initial.legalRepresentative),
    phone: text(initial.phone),
    registeredOn: text(initial.registeredOn),
    approvedOn: text(initial.approvedOn),
    businessTermFrom: text(initial.businessTermFrom),
    businessTermTo: text(initial.businessTermTo),
    registrationAuthority: text(initial.registrationAuthority),
    address: text(initial.address),
    businessScope: text(initial.businessScope),
    segments: (initial.segments ?? []).map((s) => segmentKey(s.category, s.segment)),
    attachmentIds: [...attachmentIds],
  };
}

/**
 * A register entry as the form's starting point (企业信息纠错). The entry may hold values the form no longer
 * offers (old systems' data); they are passed on as they are and the schema then says what to fix.
 */
export function initialFromView(e: EnterpriseView): Partial<Enterprise> {
  const out: Record<string, unknown> = {};
  const fields = [
    'name',
    'regionCode',
    'unitType',
    'registrationStatus',
    'registrationNo',
    'creditCode',
    'registeredCapital',
    'legalRepresentative',
    'phone',
    'registeredOn',
    'approvedOn',
    'businessTermFrom',
    'businessTermTo',
    'registrationAuthority',
    'address',
    'businessScope',
  ] as const;
  for (const f of fields) if (e[f] !== undefined) out[f] = e[f];
  out.segments = e.segments.map((s) => ({ category: s.category, segment: s.segment }));
  return out as Partial<Enterprise>;
}

/** What the schema is given: empty text left out, 注册资本 as a number when it reads as one. */
export function enterpriseInput(f: EnterpriseFormState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (key: string, v: string) => {
    if (v.trim() !== '') out[key] = v;
  };
  out.name = f.name;
  out.regionCode = f.regionCode;
  if (f.unitType) out.unitType = f.unitType;
  if (f.registrationStatus) out.registrationStatus = f.registrationStatus;
  put('registrationNo', f.registrationNo);
  put('creditCode', f.creditCode);
  const capital = f.registeredCapital.trim();
  if (capital !== '') {
    const n = Number(capital);
    // Not a number: handed over as text, so the schema says 注册资本应为数字.
    out.registeredCapital = Number.isFinite(n) ? n : capital;
  }
  out.legalRepresentative = f.legalRepresentative;
  put('phone', f.phone);
  put('registeredOn', f.registeredOn);
  put('approvedOn', f.approvedOn);
  put('businessTermFrom', f.businessTermFrom);
  put('businessTermTo', f.businessTermTo);
  put('registrationAuthority', f.registrationAuthority);
  out.address = f.address;
  put('businessScope', f.businessScope);
  out.segments = f.segments.map((k) => {
    const [category = '', segment = ''] = k.split('/');
    return { category, segment };
  });
  return out;
}

export type FormErrors = Partial<Record<EnterpriseFormField, string>>;

/** The value to send, or the first problem of each field. */
export function checkEnterprise(
  f: EnterpriseFormState,
): { value: Enterprise; errors: FormErrors } | { errors: FormErrors } {
  const input = enterpriseInput(f);
  const r = Enterprise.safeParse(input);
  if (r.success) return { value: r.data, errors: {} };
  const errors: FormErrors = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '') as EnterpriseFormField;
    if ((ENTERPRISE_FIELDS as readonly string[]).includes(field)) errors[field] ??= issue.message;
  }
  // The schema runs its cross-field rules only once every field passes; the required code is checked here
  // too, so 新增企业 shows all its required-field errors at once rather than in stages.
  if (!input.creditCode && !input.registrationNo) errors.creditCode ??= CODE_REQUIRED;
  return { errors };
}

/**
 * The API's field problems of a change request placed on the form: `body.enterprise.creditCode` → creditCode,
 * `body.attachmentIds.0` → attachmentIds. Problems of other parts of the request are left to the message on top.
 */
export function enterpriseServerErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const issue of e.details) {
    const parts = issue.path.replace(/^body\./, '').split('.');
    const field = parts[0] === 'enterprise' ? parts[1] : parts[0];
    if (field && (ENTERPRISE_FIELDS as readonly string[]).includes(field)) out[field] ??= issue.message;
  }
  return out;
}

/** The API's problems no field of the form shows (listed under the message on top). */
export function otherServerIssues(e: unknown): string[] {
  if (!(e instanceof ApiError)) return [];
  const placed = enterpriseServerErrors(e);
  const placedMessages = new Set(Object.values(placed));
  return [...new Set(e.details.map((i) => i.message))].filter((m) => !placedMessages.has(m) && m !== e.message);
}
