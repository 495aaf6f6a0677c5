/**
 * Contracts of the identity context: logging in to a category's platform or to the enterprise platform,
 * the session, password change and second factor. Validated by the API, used by the web forms.
 */
import * as z from 'zod/mini';
import { CATEGORY_CODES } from '../reference/categories';
import { DEPARTMENT_CODES } from '../reference/departments';
import { ROLE_CODES } from '../reference/roles';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordClasses, passwordProblem } from '../auth/password-policy';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';

const loginText = z
  .string()
  .check(z.trim(), z.minLength(1, { error: '请输入账号' }), z.maxLength(32, { error: '账号不能超过 32 个字符' }));
const passwordText = z
  .string()
  .check(z.minLength(1, { error: '请输入密码' }), z.maxLength(PASSWORD_MAX_LENGTH * 2, { error: '密码过长' }));

export const RegulatorLoginRequest = z
  .object({
    category: z.enum(CATEGORY_CODES, { error: '请从门户的“监管入口”选择物品类别后登录' }),
    login: loginText.check(z.meta({ title: '用户名' })),
    password: passwordText.check(z.meta({ title: '密码' })),
  })
  .check(z.meta({ id: 'RegulatorLoginRequest' }));

export const EnterpriseLoginRequest = z
  .object({
    login: loginText.check(z.meta({ title: '账号' })),
    password: passwordText.check(z.meta({ title: '密码' })),
    captchaId: z.string().check(z.minLength(1, { error: '请刷新验证码' }), z.maxLength(64)),
    captcha: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, { error: '请输入验证码' }),
        z.maxLength(8, { error: '验证码不正确' }),
        z.meta({ title: '验证码' }),
      ),
  })
  .check(z.meta({ id: 'EnterpriseLoginRequest' }));

/** What the signed-in person may see of their own account. */
export const SessionAccount = z
  .object({
    accountId: z.string(),
    kind: z.enum(['regulator', 'enterprise']),
    login: z.string(),
    name: z.string(),
    department: z.optional(z.enum(DEPARTMENT_CODES)),
    regionCode: z.optional(z.string()),
    categories: z.optional(z.array(z.enum(CATEGORY_CODES))),
    roles: z.optional(z.array(z.enum(ROLE_CODES))),
    /** The category platform this session signed in to (regulators). */
    category: z.optional(z.enum(CATEGORY_CODES)),
    enterpriseId: z.optional(z.string()),
    totpEnrolled: z.boolean(),
  })
  .check(z.meta({ id: 'SessionAccount' }));
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
    passwordChangeReason: z.optional(z.enum(['initial', 'expired'])),
    /** Idle sessions end after this many seconds without a request. */
    idleTimeoutSeconds: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'SessionResponse' }));
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: passwordText.check(z.meta({ title: '原密码' })),
    newPassword: z
      .string()
      .check(
        z.minLength(1, { error: '请输入新密码' }),
        z.maxLength(PASSWORD_MAX_LENGTH * 2),
        z.meta({ title: '新密码' }),
      ),
  })
  .check(z.meta({ id: 'ChangePasswordRequest' }));

export const CaptchaResponse = z
  .object({
    captchaId: z.string(),
    /** An SVG image of the characters to type. */
    svg: z.string(),
    expiresInSeconds: z.number().check(z.int()),
  })
  .check(z.meta({ id: 'CaptchaResponse' }));

export const OkResponse = z.object({ ok: z.literal(true) }).check(z.meta({ id: 'OkResponse' }));

export const TotpCodeRequest = z
  .object({
    code: z
      .string()
      .check(z.trim(), z.regex(/^\d{6}$/, { error: '动态口令为 6 位数字' }), z.meta({ title: '动态口令' })),
  })
  .check(z.meta({ id: 'TotpCodeRequest' }));

/**
 * Starting to bind 动态口令. The first binding needs nothing more (the session just proved the password);
 * binding a new one in place of a bound one needs the password and a current code of the bound one, so a
 * session left open can't be used to move the second factor to someone else's phone.
 */
export const StartTotpEnrolmentRequest = z
  .object({
    currentPassword: z.optional(passwordText).check(z.meta({ title: '登录密码' })),
    code: z
      .optional(z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: '动态口令为 6 位数字' })))
      .check(z.meta({ title: '当前动态口令' })),
  })
  .check(z.meta({ id: 'StartTotpEnrolmentRequest' }));

export const TotpEnrolmentResponse = z
  .object({
    /** Base32 secret, for typing into an authenticator app. */
    secret: z.string(),
    /** otpauth:// URI, for a QR code. */
    otpauthUri: z.string(),
  })
  .check(z.meta({ id: 'TotpEnrolmentResponse' }));
