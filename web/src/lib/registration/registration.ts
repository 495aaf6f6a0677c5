/**
 * Enterprise self-registration (立即注册) apart from its markup: the registration API
 * (functions/registration/manifest.ts, contracts in shared/api/registration.ts), the form's checks before
 * sending, and the option lists of the form (行政区划, 从业环节). The server checks everything again; the checks
 * here only catch what would certainly be refused, so the person is told at once and beside the field.
 */
import type { RegistrationRequest } from '$shared/api/registration';
import { passwordProblem } from '$shared/auth/password-policy';
import { validateIdCard } from '$shared/validation/idcard';
import { validateUscc } from '$shared/validation/uscc';
import { CATEGORIES, type CategoryCode } from '$shared/reference/categories';
import { CITIES, countiesOf, findRegion } from '$shared/reference/regions';
import { findSegment, segmentKey, segmentLabel, segmentsOf } from '$shared/reference/segments';
import { api } from '$lib/api/client';
import type { Option } from '$lib/ui/options';

export const LOOKUP_PATH = '/api/registration/lookup';
export const REGISTRATION_PATH = '/api/registration';

/** The seed's three steps, in the steps bar on top of the page. */
export const REGISTRATION_STEPS = ['账号注册', '账户审核', '注册完成'] as const;

/** The checkbox under the form, in the seed's words. */
export const DECLARATION = '资料真实合法，如有不符，愿承担责任！';

/** What `GET /api/registration/lookup` answers (shared/api/registration.ts RegistrationLookupResponse). */
export interface LookupResult {
  found: boolean;
  name?: string;
  regionCode?: string;
  alreadyRegistered: boolean;
  pending: boolean;
}

/** What `POST /api/registration` answers (201). */
export interface RegistrationSubmitted {
  requestId: string;
  status: 'pending';
  login: string;
  message: string;
}

export function lookupRegistrant(code: string): Promise<LookupResult> {
  return api.get<LookupResult>(`${LOOKUP_PATH}?${new URLSearchParams({ code: normaliseCode(code) }).toString()}`);
}

export function submitRegistration(body: RegistrationRequest): Promise<RegistrationSubmitted> {
  return api.post<RegistrationSubmitted>(REGISTRATION_PATH, body);
}

/** 统一社会信用代码 / 注册号 as the register keeps it: no spaces, capital letters. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Options

/** The first select of 企业行政区划: the nine cities. */
export const CITY_OPTIONS: readonly Option[] = [
  { value: '', label: '请选择设区市' },
  ...CITIES.map((c) => ({ value: c.code, label: c.name })),
];

/** The second select: the counties of `city`. */
export function countyOptions(city: string): Option[] {
  if (!city) return [{ value: '', label: '请先选择设区市' }];
  return [
    { value: '', label: '请选择县（市、区）' },
    ...countiesOf(city).map((c) => ({ value: c.code, label: c.name })),
  ];
}

/** The city part of a region code ('350503' → '3505'); '' for anything that is not a Fujian city or county. */
export function cityPart(code: string | undefined): string {
  if (!code || code.length < 4) return '';
  const r = findRegion(code.slice(0, 4));
  return r && r.level === 'city' ? r.code : '';
}

/** '福建省泉州市丰泽区' for a code the reference knows; the code itself otherwise. */
export function regionText(code: string | undefined): string {
  if (!code) return '';
  return findRegion(code)?.fullName ?? code;
}

/** One category of 从业环节 with its segments, as the picker shows them. */
export interface SegmentGroup {
  category: CategoryCode;
  name: string;
  options: readonly Option[];
}

/** Every category with its segments, in the portal's order; the option values are `category/segment`. */
export const SEGMENT_GROUPS: readonly SegmentGroup[] = CATEGORIES.map((c) => ({
  category: c.code,
  name: c.name,
  options: segmentsOf(c.code).map((s) => ({ value: segmentKey(c.code, s.code), label: s.name })),
}));

/** `fireworks/retail` → `{ category: 'fireworks', segment: 'retail' }`. */
export function segmentRefOf(key: string): { category: CategoryCode; segment: string } {
  const i = key.indexOf('/');
  return { category: key.slice(0, i) as CategoryCode, segment: key.slice(i + 1) };
}

/** '烟花爆竹·零售' for a pair the reference knows; 'category/segment' otherwise (never throws). */
export function segmentText(category: string, segment: string): string {
  return findSegment(category, segment) ? segmentLabel(category, segment) : `${category}/${segment}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The form

export interface RegistrationForm {
  /** 有营业执照企业/事业单位 (true) or 无营业执照分支机构/个体商户 (false). */
  hasLicence: boolean;
  /** The code looked up (with a licence). */
  code: string;
  /** The unit's details, when it is not on the register (always without a licence). */
  unitName: string;
  address: string;
  legalRepresentative: string;
  phone: string;
  city: string;
  county: string;
  /** `category/segment` keys. */
  segments: string[];
  informantName: string;
  idCardNo: string;
  mobile: string;
  password: string;
  confirmPassword: string;
  declaration: boolean;
  captcha: string;
}

export type RegistrationField = Exclude<keyof RegistrationForm, 'hasLicence' | 'city'> | 'region';

export function emptyForm(hasLicence = true): RegistrationForm {
  return {
    hasLicence,
    code: '',
    unitName: '',
    address: '',
    legalRepresentative: '',
    phone: '',
    city: '',
    county: '',
    segments: [],
    informantName: '',
    idCardNo: '',
    mobile: '',
    password: '',
    confirmPassword: '',
    declaration: false,
    captcha: '',
  };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const LANDLINE_PATTERN = /^0\d{2,3}-[2-9]\d{6,7}(-\d{1,6})?$/;

/** The account the applicant will log in with: the code with a licence, the informant's mobile without. */
export function loginOf(form: Pick<RegistrationForm, 'hasLicence' | 'code' | 'mobile'>): string {
  return form.hasLicence ? normaliseCode(form.code) : form.mobile.trim();
}

/** The policy's complaint, worded for this form (登录密码, not 新密码). */
export function registrationPasswordProblem(password: string, login: string): string | null {
  const problem = passwordProblem(password, login);
  return problem ? problem.replace(/^新密码/, '登录密码') : null;
}

export const CONFIRM_MISMATCH = '两次输入的密码不一致';

/**
 * Everything certainly wrong before sending. `needUnit`: the unit's details are asked for (no licence, or a
 * code the register does not know).
 */
/**
 * What is wrong with the 统一社会信用代码/注册号 as typed, before it is looked up: empty, or an 18-character code
 * whose check digit (or 组织机构代码) is wrong — said beside the field, not after the whole form is filled.
 */
export function codeInputProblem(text: string): string | undefined {
  const code = normaliseCode(text);
  if (code === '') return '请输入统一社会信用代码或注册号';
  if (code.length === 18) {
    const r = validateUscc(code);
    if (!r.ok) return r.message;
  }
  return undefined;
}

export function checkRegistration(
  form: RegistrationForm,
  needUnit: boolean,
): Partial<Record<RegistrationField, string>> {
  const e: Partial<Record<RegistrationField, string>> = {};
  if (form.hasLicence) {
    const problem = codeInputProblem(form.code);
    if (problem) e.code = problem;
  }
  if (needUnit) {
    if (form.unitName.trim() === '') e.unitName = '请填写单位名称';
    if (form.address.trim() === '') e.address = '请填写(住所)营业场所';
    if (form.legalRepresentative.trim() === '') e.legalRepresentative = '请填写法定代表人(责任人)';
    const phone = form.phone.trim();
    if (phone === '') e.phone = '请输入联系电话';
    else if (!MOBILE_PATTERN.test(phone) && !LANDLINE_PATTERN.test(phone))
      e.phone = '联系电话应为11位手机号码，或带区号的固定电话，如0591-87093291';
  }
  if (!form.city) e.region = '请选择企业行政区划';
  else if (!form.county) e.region = '请选择企业所在的县（市、区）';
  if (form.segments.length === 0) e.segments = '请至少选择一个从业环节';
  else if (form.segments.length > 20) e.segments = '从业环节不能超过20个';
  if (form.informantName.trim() === '') e.informantName = '请填写信息员姓名';
  const id = form.idCardNo.trim();
  if (id === '') e.idCardNo = '请输入信息员身份证号';
  else {
    // The check digit and the birth date too (shared/validation/idcard.ts, as the API checks them).
    const r = validateIdCard(id.toUpperCase());
    if (!r.ok) e.idCardNo = r.message;
  }
  const mobile = form.mobile.trim();
  if (mobile === '') e.mobile = '请输入信息员手机号';
  else if (!MOBILE_PATTERN.test(mobile)) e.mobile = '手机号码应为1开头的11位数字（第二位为3至9）';
  if (form.password === '') e.password = '请设置登录密码';
  else {
    const problem = registrationPasswordProblem(form.password, loginOf(form));
    if (problem) e.password = problem;
  }
  if (form.confirmPassword === '') e.confirmPassword = '请再次输入登录密码';
  else if (form.confirmPassword !== form.password) e.confirmPassword = CONFIRM_MISMATCH;
  if (form.captcha.trim() === '') e.captcha = '请输入验证码';
  if (!form.declaration) e.declaration = `请确认“${DECLARATION}”`;
  return e;
}

/** The request body; `unit` only when its details were asked for. */
export function registrationBody(form: RegistrationForm, needUnit: boolean, captchaId: string): RegistrationRequest {
  const body: RegistrationRequest = {
    hasLicence: form.hasLicence,
    regionCode: form.county || form.city,
    segments: form.segments.map(segmentRefOf),
    informant: {
      name: form.informantName.trim(),
      idCardNo: form.idCardNo.trim().toUpperCase(),
      mobile: form.mobile.trim(),
    },
    password: form.password,
    declaration: true,
    captchaId,
    captcha: form.captcha.trim(),
  };
  if (form.hasLicence) body.code = normaliseCode(form.code);
  if (needUnit) {
    body.unit = {
      name: form.unitName.trim(),
      address: form.address.trim(),
      legalRepresentative: form.legalRepresentative.trim(),
      phone: form.phone.trim(),
    };
  }
  return body;
}

/**
 * Where the API's field paths (`body.informant.idCardNo`, `body.unit.name`, `body.segments.0.segment`) belong
 * on this form; `undefined` for a path no field shows (it then goes with the message on top).
 */
export function formFieldOf(path: string): RegistrationField | undefined {
  const p = path.replace(/^body\./, '');
  const [head, second] = p.split('.');
  switch (head) {
    case 'code':
      return 'code';
    case 'unit':
      return (
        { name: 'unitName', address: 'address', legalRepresentative: 'legalRepresentative', phone: 'phone' } as const
      )[second as 'name' | 'address' | 'legalRepresentative' | 'phone'];
    case 'regionCode':
      return 'region';
    case 'segments':
      return 'segments';
    case 'informant':
      return ({ name: 'informantName', idCardNo: 'idCardNo', mobile: 'mobile' } as const)[
        second as 'name' | 'idCardNo' | 'mobile'
      ];
    case 'password':
      return 'password';
    case 'declaration':
      return 'declaration';
    case 'captcha':
    case 'captchaId':
      return 'captcha';
    default:
      return undefined;
  }
}
