/**
 * Contracts of the identity context: logging in to a category's platform or to the enterprise platform,
 * the session, password change and second factor. Validated by the API, used by the web forms.
 */
import { z } from 'zod';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { ROLE_CODES } from '../reference/roles';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordClasses, passwordProblem } from '../auth/password-policy';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

const loginText = z.string().trim().min(1, { error: '请输入账号' }).max(32, { error: '账号不能超过 32 个字符' });
const passwordText = z
  .string()
  .min(1, { error: '请输入密码' })
  .max(PASSWORD_MAX_LENGTH * 2, { error: '密码过长' });

export const RegulatorLoginRequest = z
  .object({
    category: z.enum(CATEGORY_CODES, { error: '请从门户的“监管入口”选择物品类别后登录' }),
    login: loginText.meta({ title: '用户名' }),
    password: passwordText.meta({ title: '密码' }),
  })
  .meta({ id: 'RegulatorLoginRequest' });

export const EnterpriseLoginRequest = z
  .object({
    login: loginText.meta({ title: '账号' }),
    password: passwordText.meta({ title: '密码' }),
    captchaId: z.string().min(1, { error: '请刷新验证码' }).max(64),
    captcha: z
      .string()
      .trim()
      .min(1, { error: '请输入验证码' })
      .max(8, { error: '验证码不正确' })
      .meta({ title: '验证码' }),
  })
  .meta({ id: 'EnterpriseLoginRequest' });

/** What the signed-in person may see of their own account. */
export const SessionAccount = z
  .object({
    accountId: z.string(),
    kind: z.enum(['regulator', 'enterprise']),
    login: z.string(),
    name: z.string(),
    department: z.enum(DEPARTMENT_CODES).optional(),
    regionCode: z.string().optional(),
    categories: z.array(z.enum(CATEGORY_CODES)).optional(),
    roles: z.array(z.enum(ROLE_CODES)).optional(),
    /** The category platform this session signed in to (regulators). */
    category: z.enum(CATEGORY_CODES).optional(),
    enterpriseId: z.string().optional(),
    totpEnrolled: z.boolean(),
  })
  .meta({ id: 'SessionAccount' });
export type SessionAccount = z.infer<typeof SessionAccount>;

/**
 * The state of a session: `active` may use the platform; the others may only finish signing in
 * (change the initial or expired password; give or enrol the second factor).
 */
export const SESSION_STAGES = ['active', 'password-change', 'totp', 'totp-enrolment'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const SessionResponse = z
  .object({
    stage: z.enum(SESSION_STAGES),
    account: SessionAccount,
    /** Why a password change is demanded. */
    passwordChangeReason: z.enum(['initial', 'expired']).optional(),
    /** Idle sessions end after this many seconds without a request. */
    idleTimeoutSeconds: z.number().int(),
  })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: passwordText.meta({ title: '原密码' }),
    newPassword: z
      .string()
      .min(1, { error: '请输入新密码' })
      .max(PASSWORD_MAX_LENGTH * 2)
      .meta({ title: '新密码' }),
  })
  .meta({ id: 'ChangePasswordRequest' });

export const CaptchaResponse = z
  .object({
    captchaId: z.string(),
    /** An SVG image of the characters to type. */
    svg: z.string(),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'CaptchaResponse' });

export const OkResponse = z.object({ ok: z.literal(true) }).meta({ id: 'OkResponse' });

export const TotpCodeRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: '动态口令为 6 位数字' })
      .meta({ title: '动态口令' }),
  })
  .meta({ id: 'TotpCodeRequest' });

/**
 * Starting to bind 动态口令. The first binding needs nothing more (the session just proved the password);
 * binding a new one in place of a bound one needs the password and a current code of the bound one, so a
 * session left open can't be used to move the second factor to someone else's phone.
 */
export const StartTotpEnrolmentRequest = z
  .object({
    currentPassword: passwordText.optional().meta({ title: '登录密码' }),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: '动态口令为 6 位数字' })
      .optional()
      .meta({ title: '当前动态口令' }),
  })
  .meta({ id: 'StartTotpEnrolmentRequest' });

export const TotpEnrolmentResponse = z
  .object({
    /** Base32 secret, for typing into an authenticator app. */
    secret: z.string(),
    /** otpauth:// URI, for a QR code. */
    otpauthUri: z.string(),
  })
  .meta({ id: 'TotpEnrolmentResponse' });
