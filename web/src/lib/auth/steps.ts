/**
 * The steps after the password: changing it (forced at first login or after 90 days, or at will) and the
 * second factor (TOTP). Form checks and API calls, apart from the markup. The password policy is the API's
 * own function (shared/auth/password-policy.ts), so the page says exactly what the server will say.
 */
import { passwordProblem } from '$shared/auth/password-policy';
import type { SessionResponse } from '$shared/api/identity';
import { api } from '$lib/api/client';
import type { FieldErrors } from './login';

export const CHANGE_PASSWORD_PATH = '/api/auth/password';
export const TOTP_ENROLMENT_PATH = '/api/auth/totp/enrolment';
export const TOTP_CONFIRM_PATH = '/api/auth/totp/enrolment/confirm';
export const TOTP_VERIFY_PATH = '/api/auth/totp/verify';

/** The policy in one sentence, shown beside the new password. */
export const PASSWORD_POLICY = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含账号';
export const CONFIRM_MISMATCH = '两次输入的新密码不一致';

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type ChangePasswordField = keyof ChangePasswordForm;

/** What the policy says about the new password as typed so far; `null` when it is acceptable or empty. */
export function newPasswordProblem(newPassword: string, login: string): string | null {
  return newPassword === '' ? null : passwordProblem(newPassword, login);
}

/** Everything wrong with the form before it is sent; the server checks the same and the original password. */
export function checkChangePassword(form: ChangePasswordForm, login: string): FieldErrors<ChangePasswordField> {
  const errors: FieldErrors<ChangePasswordField> = {};
  if (form.currentPassword === '') errors.currentPassword = '请输入原密码';
  if (form.newPassword === '') errors.newPassword = '请输入新密码';
  else {
    const problem = passwordProblem(form.newPassword, login);
    if (problem) errors.newPassword = problem;
    else if (form.newPassword === form.currentPassword) errors.newPassword = '新密码不能与原密码相同';
  }
  if (form.confirmPassword === '') errors.confirmPassword = '请再次输入新密码';
  else if (form.confirmPassword !== form.newPassword) errors.confirmPassword = CONFIRM_MISMATCH;
  return errors;
}

export function changePassword(form: ChangePasswordForm): Promise<SessionResponse> {
  return api.post<SessionResponse>(CHANGE_PASSWORD_PATH, {
    currentPassword: form.currentPassword,
    newPassword: form.newPassword,
  });
}

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** otpauth:// URI, what a QR code would carry. */
  otpauthUri: string;
}

/** A base32 secret in groups of four (`ABCD EFGH …`), easier to type without losing one's place. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** The code as typed, without the spaces some apps show (`123 456`). */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export function checkTotpCode(code: string): string | undefined {
  const c = normaliseCode(code);
  if (c === '') return '请输入动态口令';
  if (!/^\d{6}$/.test(c)) return '动态口令为 6 位数字';
  return undefined;
}

/**
 * The pending key: the same one on every call until it is confirmed or cancelled. Replacing a bound factor
 * needs the login password and a current code of it (`proof`).
 */
export function startTotpEnrolment(proof?: { currentPassword: string; code: string }): Promise<TotpEnrolment> {
  return proof
    ? api.post<TotpEnrolment>(TOTP_ENROLMENT_PATH, { ...proof, code: normaliseCode(proof.code) })
    : api.post<TotpEnrolment>(TOTP_ENROLMENT_PATH);
}

/** Give up the pending key: the next start shows a new one. */
export function cancelTotpEnrolment(): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(TOTP_ENROLMENT_PATH);
}

export function confirmTotpEnrolment(code: string): Promise<SessionResponse> {
  return api.post<SessionResponse>(TOTP_CONFIRM_PATH, { code: normaliseCode(code) });
}

export function verifyTotp(code: string): Promise<SessionResponse> {
  return api.post<SessionResponse>(TOTP_VERIFY_PATH, { code: normaliseCode(code) });
}
