/**
 * The sign-in forms' logic, apart from their markup. The login API arrives with the identity issue; until then
 * the forms post to the paths below and show whatever `error.message` the server answers.
 */
import type { CategoryCode } from '$shared/reference/categories';
import { api } from '$lib/api/client';

/** POST `{ category, login, password }`: a regulator signs in to one sub-platform. */
export const REGULATOR_LOGIN_PATH = '/api/auth/login';
/** POST `{ login, password, captcha }`: an enterprise signs in to the 企业服务平台. */
export const ENTERPRISE_LOGIN_PATH = '/api/auth/enterprise/login';

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

export function checkEnterpriseLogin(form: { login: string; password: string }): FieldErrors<'login' | 'password'> {
  const errors: FieldErrors<'login' | 'password'> = {};
  if (form.login.trim() === '') errors.login = '请输入账号（统一社会信用代码或注册号）';
  if (form.password === '') errors.password = '请输入密码';
  return errors;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

export function loginRegulator(input: RegulatorLogin): Promise<unknown> {
  return api.post<unknown>(REGULATOR_LOGIN_PATH, { ...input, login: input.login.trim() });
}

export function loginEnterprise(input: EnterpriseLogin): Promise<unknown> {
  return api.post<unknown>(ENTERPRISE_LOGIN_PATH, {
    ...input,
    login: input.login.trim().toUpperCase(),
    captcha: input.captcha.trim(),
  });
}
