/**
 * The sign-in forms' logic, apart from their markup: what must be filled in, and the identity API's login and
 * captcha routes (functions/identity/manifest.ts). Messages the server answers are shown as they are.
 */
import type { SessionResponse } from '$shared/api/identity';
import type { CategoryCode } from '$shared/reference/categories';
import { api } from '$lib/api/client';

/** POST `{ category, login, password }`: a regulator signs in to one sub-platform. */
export const REGULATOR_LOGIN_PATH = '/api/auth/login';
/** POST `{ login, password, captchaId, captcha }`: an enterprise signs in to the 企业服务平台. */
export const ENTERPRISE_LOGIN_PATH = '/api/auth/enterprise/login';
/** GET → `{ captchaId, svg, expiresInSeconds }`: a new single-use 验证码. */
export const CAPTCHA_PATH = '/api/auth/captcha';

/** A 验证码 challenge: the id to send back and the picture to show. */
export interface Captcha {
  captchaId: string;
  /** An SVG image, drawn by the server. Shown only through an <img> (see {@link captchaImageSrc}). */
  svg: string;
  expiresInSeconds: number;
}

export interface RegulatorLogin {
  category: CategoryCode;
  /** The mobile number the account was opened with. */
  login: string;
  password: string;
}

export interface EnterpriseLogin {
  /** 统一社会信用代码 or 注册号. */
  login: string;
  password: string;
  captchaId: string;
  captcha: string;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** What the user must fill in before anything is sent; the server checks the rest. */
export function checkRegulatorLogin(form: { login: string; password: string }): FieldErrors<'login' | 'password'> {
  const errors: FieldErrors<'login' | 'password'> = {};
  if (form.login.trim() === '') errors.login = '请输入用户名（手机号码）';
  if (form.password === '') errors.password = '请输入密码';
  return errors;
}

export function checkEnterpriseLogin(form: {
  login: string;
  password: string;
  captcha: string;
}): FieldErrors<'login' | 'password' | 'captcha'> {
  const errors: FieldErrors<'login' | 'password' | 'captcha'> = {};
  if (form.login.trim() === '') errors.login = '请输入账号（统一社会信用代码或注册号）';
  if (form.password === '') errors.password = '请输入密码';
  if (form.captcha.trim() === '') errors.captcha = '请输入验证码';
  return errors;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

export function loginRegulator(input: RegulatorLogin): Promise<SessionResponse> {
  return api.post<SessionResponse>(REGULATOR_LOGIN_PATH, { ...input, login: input.login.trim() });
}

export function loginEnterprise(input: EnterpriseLogin): Promise<SessionResponse> {
  return api.post<SessionResponse>(ENTERPRISE_LOGIN_PATH, {
    ...input,
    login: input.login.trim().toUpperCase(),
    captcha: input.captcha.trim(),
  });
}

export function fetchCaptcha(): Promise<Captcha> {
  return api.get<Captcha>(CAPTCHA_PATH);
}

/**
 * The captcha as an image URL. An SVG shown through <img> is inert (no script, no external loads), so the
 * server's markup is never put into the page itself.
 */
export function captchaImageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
