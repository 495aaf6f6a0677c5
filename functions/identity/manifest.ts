import {
  CaptchaResponse,
  ChangePasswordRequest,
  EnterpriseLoginRequest,
  OkResponse,
  RegulatorLoginRequest,
  SessionResponse,
  StartTotpEnrolmentRequest,
  TotpCodeRequest,
  TotpEnrolmentResponse,
} from '../../shared/api/identity';
import { defineContext, defineRoute } from '../lib/wiring';

/** The identity context: signing in and out, the session, password change and the second factor. */
export const loginRegulator = defineRoute({
  operationId: 'loginRegulator',
  method: 'POST',
  path: '/api/auth/login',
  public: true,
  summary: '监管人员登录（进入某一物品类别的统一监管平台）',
  tags: ['identity'],
  body: RegulatorLoginRequest,
  response: SessionResponse,
});

export const loginEnterprise = defineRoute({
  operationId: 'loginEnterprise',
  method: 'POST',
  path: '/api/auth/enterprise/login',
  public: true,
  summary: '企业登录（企业服务平台，需验证码）',
  tags: ['identity'],
  body: EnterpriseLoginRequest,
  response: SessionResponse,
});

export const getCaptcha = defineRoute({
  operationId: 'getCaptcha',
  method: 'GET',
  path: '/api/auth/captcha',
  public: true,
  summary: '获取验证码图片',
  tags: ['identity'],
  response: CaptchaResponse,
});

export const refreshSession = defineRoute({
  operationId: 'refreshSession',
  method: 'POST',
  path: '/api/auth/refresh',
  // Authenticated by the refresh-token cookie itself, not by an access token.
  public: true,
  summary: '刷新访问令牌（轮换刷新令牌）',
  tags: ['identity'],
  response: SessionResponse,
});

export const getSession = defineRoute({
  operationId: 'getSession',
  method: 'GET',
  path: '/api/auth/session',
  public: false,
  pendingSession: true,
  access: { kind: 'any' },
  summary: '当前登录信息',
  tags: ['identity'],
  response: SessionResponse,
});

export const logout = defineRoute({
  operationId: 'logout',
  method: 'POST',
  path: '/api/auth/logout',
  public: false,
  pendingSession: true,
  access: { kind: 'any' },
  summary: '退出系统',
  tags: ['identity'],
  response: OkResponse,
});

export const changePassword = defineRoute({
  operationId: 'changePassword',
  method: 'POST',
  path: '/api/auth/password',
  public: false,
  pendingSession: true,
  access: { kind: 'any' },
  summary: '修改密码（首次登录、密码过期时必须修改）',
  tags: ['identity'],
  body: ChangePasswordRequest,
  response: SessionResponse,
});

export const startTotpEnrolment = defineRoute({
  operationId: 'startTotpEnrolment',
  method: 'POST',
  path: '/api/auth/totp/enrolment',
  public: false,
  pendingSession: true,
  access: { kind: 'regulator' },
  summary: '开始绑定动态口令（TOTP）：未确认前重复调用返回同一密钥；更换已绑定的动态口令须提供登录密码和当前动态口令',
  tags: ['identity'],
  body: StartTotpEnrolmentRequest,
  response: TotpEnrolmentResponse,
});

export const cancelTotpEnrolment = defineRoute({
  operationId: 'cancelTotpEnrolment',
  method: 'DELETE',
  path: '/api/auth/totp/enrolment',
  public: false,
  pendingSession: true,
  access: { kind: 'regulator' },
  summary: '取消绑定动态口令（放弃尚未确认的密钥）',
  tags: ['identity'],
  response: OkResponse,
});

export const confirmTotpEnrolment = defineRoute({
  operationId: 'confirmTotpEnrolment',
  method: 'POST',
  path: '/api/auth/totp/enrolment/confirm',
  public: false,
  pendingSession: true,
  access: { kind: 'regulator' },
  summary: '确认绑定动态口令',
  tags: ['identity'],
  body: TotpCodeRequest,
  response: SessionResponse,
});

export const verifyTotp = defineRoute({
  operationId: 'verifyTotp',
  method: 'POST',
  path: '/api/auth/totp/verify',
  public: false,
  pendingSession: true,
  access: { kind: 'regulator' },
  summary: '登录时验证动态口令',
  tags: ['identity'],
  body: TotpCodeRequest,
  response: SessionResponse,
});

export const identityManifest = defineContext({
  context: 'identity',
  entry: 'functions/identity/handler.ts',
  description: 'sign-in, sessions, passwords, second factor',
  routes: [
    loginRegulator,
    loginEnterprise,
    getCaptcha,
    refreshSession,
    getSession,
    logout,
    changePassword,
    startTotpEnrolment,
    cancelTotpEnrolment,
    confirmTotpEnrolment,
    verifyTotp,
  ],
  subscriptions: [],
  schedules: [],
  grants: {
    table: {
      // accountNotices: a unit's 开通通知 goes at its first password change.
      write: ['accounts', 'sessions', 'loginGuards', 'rateWindows', 'captchas', 'accountNotices', 'audit'],
      read: ['registrations', 'registrationGuards'],
    },
  },
  // scrypt (N=2^15, r=8) needs 32 MiB per hash, and Lambda CPU grows with memory.
  memoryMb: 1024,
});
