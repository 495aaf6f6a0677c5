/**
 * Signing in: password check with lockout and rate limit, the category check of the seed, and the steps a
 * session must finish before it is active — change the initial (or a 90-day-old) password, then give the
 * second factor, or enrol one when the account's roles require it. Domain code: store and clock passed in.
 */
import type { EntityItem } from 'electrodb';
import { passwordProblem, type SessionResponse, type SessionStage } from '../../shared/api/identity';
import { requiresSecondFactor, type RoleCode } from '../../shared/reference/roles';
import { hashPassword, verifyPassword } from '../lib/auth/password';
import {
  advanceSession,
  createSession,
  isConditionFailure,
  revokeSession,
  revokeSessionsOf,
  type IssuedTokens,
  type SessionRecord,
} from '../lib/auth/sessions';
import { IDLE_TIMEOUT_MS } from '../lib/auth/tokens';
import type { Principal } from '../lib/auth/principal';
import { AppError, badRequest, forbidden, unauthenticated, validationFailed } from '../lib/http/errors';
import { appendAudit, type AuditActor } from '../lib/audit';
import { applicationStatusMessage } from '../lib/registration/applications';
import type { Store } from '../store';
import {
  attemptFailed,
  clearFailures,
  limitAddress,
  lockedError,
  releaseAttempt,
  reserveAttempt,
  type Reservation,
} from '../lib/auth/guard';
import { isCheapHash } from '../lib/auth/one-time-password';
import { matchTotp, newTotpSecret, otpauthUri, usedTotpStep } from './totp';
import { contactSupportHere } from '../lib/support';

type Account = EntityItem<Store['accounts']>;

export const PASSWORD_MAX_AGE_MS = 90 * 24 * 3600_000;

/** The seed's own words for an unknown account or a wrong password — the same for both, on purpose. */
export const WRONG_CREDENTIALS = `账号还没有开通或者密码错误，${contactSupportHere()}。`;
/** A one-time password (new account, reset) not used within its 72 hours. */
export const ONE_TIME_PASSWORD_EXPIRED = '初始密码已过期（有效期 72 小时），请联系管理员重置密码后再登录。';
/** The seed's words for a regulator entering a category platform they are not configured for. */
export const NO_CATEGORY = `账号没有配置该物品类别的权限，${contactSupportHere()}。`;

let dummyHash: Promise<string> | undefined;
/** Verifying against a throw-away hash when the account doesn't exist keeps the timing the same. */
const dummy = () => (dummyHash ??= hashPassword('timing-equaliser'));

export interface SignInInput {
  kind: 'regulator' | 'enterprise';
  login: string;
  password: string;
  /** Regulators sign in to one category's platform. */
  category?: string;
}

export interface RequestMeta {
  sourceIp: string;
  requestId: string;
  userAgent?: string;
}

const actorOfAccount = (a: Account): AuditActor => ({
  accountId: a.accountId,
  login: a.login,
  name: a.name,
  kind: a.kind,
  ...(a.roles ? { roles: [...a.roles] } : {}),
});

/** Every sign-in attempt and every step is recorded, whatever its outcome (等保2.0 level 3). */
function auditSignIn(
  store: Store,
  meta: RequestMeta,
  actor: AuditActor,
  outcome: 'success' | 'failure' | 'denied',
  action: string,
  reason?: string,
  details?: Record<string, string>,
) {
  return appendAudit(store, {
    actor,
    action,
    object: {
      type: 'account',
      ...(actor.accountId ? { id: actor.accountId } : {}),
      ...(actor.login ? { label: actor.login } : {}),
    },
    outcome,
    ...(reason ? { reason } : {}),
    sourceIp: meta.sourceIp,
    requestId: meta.requestId,
    ...(details ? { details } : {}),
  });
}

async function findAccount(store: Store, kind: Account['kind'], login: string): Promise<Account | undefined> {
  const { data } = await store.accounts.query.byLogin({ login }).go();
  return data.find((a) => a.kind === kind);
}

/** The step a freshly authenticated account must take next. */
export function nextStage(
  a: Account,
  passwordDone: boolean,
  secondFactorDone: boolean,
  now: number,
): {
  stage: SessionStage;
  reason?: 'initial' | 'expired';
} {
  if (!passwordDone) {
    if (a.mustChangePassword) return { stage: 'password-change', reason: 'initial' };
    const changed = a.passwordChangedAt ? Date.parse(a.passwordChangedAt) : Date.parse(a.createdAt);
    if (now - changed > PASSWORD_MAX_AGE_MS) return { stage: 'password-change', reason: 'expired' };
  }
  if (!secondFactorDone) {
    if (a.totpSecret) return { stage: 'totp' };
    if (a.kind === 'regulator' && requiresSecondFactor((a.roles ?? []) as RoleCode[]))
      return { stage: 'totp-enrolment' };
  }
  return { stage: 'active' };
}

export function sessionView(
  s: Pick<
    SessionRecord,
    | 'stage'
    | 'passwordChangeReason'
    | 'accountId'
    | 'kind'
    | 'login'
    | 'name'
    | 'department'
    | 'regionCode'
    | 'categories'
    | 'roles'
    | 'category'
    | 'enterpriseId'
  >,
  totpEnrolled: boolean,
): SessionResponse {
  return {
    stage: s.stage as SessionStage,
    ...(s.passwordChangeReason ? { passwordChangeReason: s.passwordChangeReason as 'initial' | 'expired' } : {}),
    account: {
      accountId: s.accountId,
      kind: s.kind,
      login: s.login,
      name: s.name,
      ...(s.kind === 'regulator'
        ? {
            department: s.department as never,
            regionCode: s.regionCode,
            categories: (s.categories ?? []) as never,
            roles: (s.roles ?? []) as never,
            category: s.category as never,
          }
        : { enterpriseId: s.enterpriseId }),
      totpEnrolled,
    },
    idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
  };
}

export interface SignInResult {
  tokens: IssuedTokens;
  view: SessionResponse;
  account: Account;
}

export async function signIn(
  store: Store,
  input: SignInInput,
  meta: RequestMeta,
  now = Date.now(),
): Promise<SignInResult> {
  const login = input.kind === 'enterprise' ? input.login.trim().toUpperCase() : input.login.trim();
  const anonymous: AuditActor = { kind: 'anonymous', login };
  const category = input.category ? { category: input.category } : undefined;
  try {
    await limitAddress(store, meta.sourceIp, now);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await auditSignIn(store, meta, anonymous, 'denied', 'auth.login', '登录尝试过于频繁');
    throw err;
  }
  const account = await findAccount(store, input.kind, login);
  const actor = account ? actorOfAccount(account) : anonymous;
  const reservation = await reserveOrAudit(store, login, now, () =>
    auditSignIn(store, meta, actor, 'denied', 'auth.login', '账号已锁定', category),
  );
  const ok = account
    ? await verifyPassword(input.password, account.passwordHash)
    : (await verifyPassword(input.password, await dummy()), false);
  // A one-time password's cheap hash (one-time-password.ts) is padded to a full check's time.
  if (account && isCheapHash(account.passwordHash)) await verifyPassword(input.password, await dummy());
  if (!account && input.kind === 'enterprise') {
    // An applicant whose registration is still under review (or was rejected) hears so — only with the
    // password they chose, so the message reveals nothing to anyone else.
    const status = await applicationStatusMessage(store, login, input.password);
    if (status) {
      await clearFailures(store, login);
      await auditSignIn(store, meta, anonymous, 'denied', 'auth.login', '注册申请未通过或待审核');
      throw new AppError(403, 'FORBIDDEN', status);
    }
  }
  if (!ok || !account || account.disabled) {
    const locked = await attemptFailed(store, reservation, now);
    const reason = !account ? '账号不存在' : account.disabled ? '账号已停用' : '密码错误';
    await auditSignIn(store, meta, actor, 'failure', 'auth.login', locked ? `${reason}，账号已锁定` : reason, category);
    if (locked) throw lockedError();
    throw unauthenticated(WRONG_CREDENTIALS);
  }
  await clearFailures(store, login);
  // Told only to whoever typed the right password, so it reveals nothing about the account to anyone else.
  if (account.mustChangePassword && account.initialPasswordExpiresAt && account.initialPasswordExpiresAt <= now) {
    await auditSignIn(store, meta, actor, 'denied', 'auth.login', '初始密码已过期', category);
    throw new AppError(403, 'FORBIDDEN', ONE_TIME_PASSWORD_EXPIRED);
  }
  if (input.kind === 'regulator' && !(account.categories ?? []).includes(input.category ?? '')) {
    await auditSignIn(store, meta, actorOfAccount(account), 'denied', 'auth.login', '无该物品类别权限', category);
    throw new AppError(403, 'FORBIDDEN', NO_CATEGORY);
  }
  const { stage, reason } = nextStage(account, false, false, now);
  const who = {
    accountId: account.accountId,
    kind: account.kind,
    login: account.login,
    name: account.name,
    ...(account.kind === 'regulator'
      ? {
          department: account.department,
          regionCode: account.regionCode,
          categories: [...(account.categories ?? [])],
          roles: [...(account.roles ?? [])],
          category: input.category,
        }
      : { enterpriseId: account.enterpriseId }),
  };
  const tokens = await createSession(
    store,
    who,
    stage,
    {
      sourceIp: meta.sourceIp,
      ...(meta.userAgent ? { userAgent: meta.userAgent } : {}),
      ...(reason ? { passwordChangeReason: reason } : {}),
    },
    now,
  );
  await auditSignIn(store, meta, actorOfAccount(account), 'success', 'auth.login', undefined, { ...category, stage });
  return {
    tokens,
    account,
    view: sessionView(
      { ...who, stage, ...(reason ? { passwordChangeReason: reason } : {}) },
      Boolean(account.totpSecret),
    ),
  };
}

/** Reserve an attempt at a secret (guard.ts); when refused, record it first. Other errors pass unchanged. */
async function reserveOrAudit(
  store: Store,
  login: string,
  now: number,
  onLocked: () => Promise<unknown>,
): Promise<Reservation> {
  try {
    return await reserveAttempt(store, login, now);
  } catch (err) {
    if (err instanceof AppError && err.code === 'LOCKED') await onLocked();
    throw err;
  }
}

async function accountOf(store: Store, p: Principal): Promise<Account> {
  const { data } = await store.accounts.get({ accountId: p.accountId }).go();
  if (!data || data.disabled) throw unauthenticated('账号已停用，请联系管理员');
  return data;
}

/**
 * Change the password (the initial one, an expired one, or at will), then move the session on under new
 * tokens. The account's other sessions end: whoever else held one (a stolen cookie, a forgotten browser)
 * must sign in with the new password.
 */
export async function changePassword(
  store: Store,
  p: Principal,
  currentPassword: string,
  newPassword: string,
  meta: RequestMeta,
  now = Date.now(),
): Promise<{ stage: SessionStage; tokens: IssuedTokens }> {
  const account = await accountOf(store, p);
  const reservation = await reserveOrAudit(store, account.login, now, () =>
    auditSignIn(store, meta, actorOfAccount(account), 'denied', 'auth.password.change', '账号已锁定'),
  );
  if (!(await verifyPassword(currentPassword, account.passwordHash))) {
    const locked = await attemptFailed(store, reservation, now);
    await auditSignIn(store, meta, actorOfAccount(account), 'failure', 'auth.password.change', '原密码不正确');
    if (locked) {
      await revokeSession(store, p.sessionId);
      throw lockedError();
    }
    throw validationFailed([{ path: 'body.currentPassword', message: '原密码不正确' }]);
  }
  await clearFailures(store, account.login);
  const problem = passwordProblem(newPassword, account.login);
  if (problem) throw validationFailed([{ path: 'body.newPassword', message: problem }]);
  if (await verifyPassword(newPassword, account.passwordHash)) {
    throw validationFailed([{ path: 'body.newPassword', message: '新密码不能与原密码相同' }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await store.accounts
    .patch({ accountId: account.accountId })
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(now).toISOString() })
    .remove(['initialPasswordExpiresAt'])
    .add({ version: 1 })
    .where((a, op) => op.eq(a.version, account.version))
    .go()
    .catch((err: unknown) => {
      if (!isConditionFailure(err)) throw err;
      throw new AppError(409, 'CONFLICT', '账号信息已被修改，请重新登录后再试');
    });
  await auditSignIn(store, meta, actorOfAccount(account), 'success', 'auth.password.change', undefined, {
    reason: p.stage === 'password-change' ? 'required' : 'voluntary',
  });
  const secondFactorDone = p.stage === 'active';
  const { stage } = nextStage(
    { ...account, mustChangePassword: false, passwordChangedAt: new Date(now).toISOString() },
    true,
    secondFactorDone,
    now,
  );
  const tokens = await advanceSession(store, p.sessionId, stage, now);
  await revokeSessionsOf(store, account.accountId, tokens.sessionId);
  // A 开通通知 still waiting holds a password that now opens nothing: it goes (enterprise-login.ts).
  if (account.kind === 'enterprise' && account.enterpriseId && account.mustChangePassword) {
    await store.accountNotices.delete({ enterpriseId: account.enterpriseId }).go();
  }
  return { stage, tokens };
}

/**
 * Start binding 动态口令: the pending secret, the same one until it is confirmed or cancelled (a reload of
 * the page must not silently replace the key already scanned). Replacing a bound one needs the password and
 * a current code of it (StartTotpEnrolmentRequest).
 */
export async function startTotpEnrolment(
  store: Store,
  p: Principal,
  proof: { currentPassword?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
  now = Date.now(),
): Promise<{ secret: string; otpauthUri: string }> {
  if (p.stage === 'password-change') throw new AppError(403, 'SIGN_IN_INCOMPLETE', '请先修改初始密码');
  if (p.stage === 'totp') throw forbidden('请先输入已绑定的动态口令完成登录');
  let account = await accountOf(store, p);
  if (account.totpSecret) account = await proveBoundFactor(store, account, proof, meta, now);
  if (account.totpPendingSecret) {
    return { secret: account.totpPendingSecret, otpauthUri: otpauthUri(account.totpPendingSecret, account.login) };
  }
  const secret = newTotpSecret();
  try {
    await store.accounts
      .patch({ accountId: account.accountId })
      .set({ totpPendingSecret: secret })
      .where((a, op) => op.notExists(a.totpPendingSecret))
      .go();
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    // A concurrent start (another tab) set one first: that one is the key.
    const again = await accountOf(store, p);
    if (!again.totpPendingSecret) throw err;
    return { secret: again.totpPendingSecret, otpauthUri: otpauthUri(again.totpPendingSecret, account.login) };
  }
  return { secret, otpauthUri: otpauthUri(secret, account.login) };
}

/** Re-binding: the password and a current, unused code of the bound factor, each guessed at most 5 times. */
async function proveBoundFactor(
  store: Store,
  account: Account,
  proof: { currentPassword?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
  now: number,
): Promise<Account> {
  const missing = [
    ...(proof.currentPassword ? [] : [{ path: 'body.currentPassword', message: '更换动态口令须输入登录密码' }]),
    ...(proof.code ? [] : [{ path: 'body.code', message: '更换动态口令须输入当前的动态口令' }]),
  ];
  if (missing.length) throw validationFailed(missing);
  const actor = actorOfAccount(account);
  const reservation = await reserveOrAudit(store, account.login, now, () =>
    auditSignIn(store, meta, actor, 'denied', 'auth.totp.reenrol', '账号已锁定'),
  );
  const passwordOk = await verifyPassword(proof.currentPassword!, account.passwordHash);
  const step = passwordOk ? matchTotp(account.totpSecret!, proof.code!, now, account.totpLastStep) : null;
  if (step === null) {
    const locked = await attemptFailed(store, reservation, now);
    const field = passwordOk ? 'body.code' : 'body.currentPassword';
    await auditSignIn(store, meta, actor, 'failure', 'auth.totp.reenrol', passwordOk ? '动态口令不正确' : '密码不正确');
    if (locked) throw lockedError();
    throw validationFailed([{ path: field, message: passwordOk ? '动态口令不正确或已使用' : '登录密码不正确' }]);
  }
  await spendTotpStep(store, account, step);
  await clearFailures(store, account.login);
  return { ...account, totpLastStep: step };
}

/** Forget the pending secret (the person chose 取消): the next start shows a new one. */
export async function cancelTotpEnrolment(store: Store, p: Principal): Promise<void> {
  await store.accounts.patch({ accountId: p.accountId }).remove(['totpPendingSecret']).go();
}

/** Record a code's step as used — conditional on the last one, so one code can't pass twice, even at once. */
async function spendTotpStep(store: Store, account: Account, step: number): Promise<void> {
  await store.accounts
    .patch({ accountId: account.accountId })
    .set({ totpLastStep: step })
    .where((a, op) =>
      account.totpLastStep === undefined ? op.notExists(a.totpLastStep) : op.eq(a.totpLastStep, account.totpLastStep),
    )
    .go()
    .catch((err: unknown) => {
      if (!isConditionFailure(err)) throw err;
      throw validationFailed([{ path: 'body.code', message: '动态口令已使用，请输入新的动态口令' }]);
    });
}

export async function confirmTotpEnrolment(
  store: Store,
  p: Principal,
  code: string,
  meta: RequestMeta,
  now = Date.now(),
): Promise<{ tokens?: IssuedTokens }> {
  const account = await accountOf(store, p);
  if (!account.totpPendingSecret) throw badRequest('请先开始绑定动态口令');
  const step = matchTotp(account.totpPendingSecret, code, now);
  if (step === null) throw validationFailed([{ path: 'body.code', message: '动态口令不正确，请核对手机时间后重试' }]);
  await store.accounts
    .patch({ accountId: account.accountId })
    .set({ totpSecret: account.totpPendingSecret, totpLastStep: step })
    .remove(['totpPendingSecret'])
    .where((a, op) => op.eq(a.totpPendingSecret, account.totpPendingSecret!))
    .go()
    .catch((err: unknown) => {
      if (!isConditionFailure(err)) throw err;
      throw new AppError(409, 'CONFLICT', '动态口令绑定已被取消或更换，请重新开始绑定');
    });
  await auditSignIn(store, meta, actorOfAccount(account), 'success', 'auth.totp.enrol');
  if (p.stage !== 'totp-enrolment') return {};
  return { tokens: await advanceSession(store, p.sessionId, 'active', now) };
}

/**
 * The second-factor step of signing in. Each code is an attempt reserved like a password (guard.ts): the
 * fifth wrong one revokes this half-signed-in session and locks the login for 30 minutes. A code already
 * used (a replay, or the person typing the code they just used) is refused without counting: it is no guess.
 */
export async function verifyTotpStep(
  store: Store,
  p: Principal,
  code: string,
  meta: RequestMeta,
  now = Date.now(),
): Promise<{ tokens: IssuedTokens }> {
  if (p.stage !== 'totp') throw badRequest('当前无需验证动态口令');
  const account = await accountOf(store, p);
  if (!account.totpSecret) throw badRequest('账号未绑定动态口令');
  const actor = actorOfAccount(account);
  let reservation: Reservation;
  try {
    reservation = await reserveAttempt(store, account.login, now);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'LOCKED')) throw err;
    await revokeSession(store, p.sessionId);
    await auditSignIn(store, meta, actor, 'denied', 'auth.totp.verify', '账号已锁定');
    throw err;
  }
  const step = matchTotp(account.totpSecret, code, now, account.totpLastStep);
  if (step === null) {
    if (usedTotpStep(account.totpSecret, code, now, account.totpLastStep)) {
      await releaseAttempt(store, reservation);
      throw validationFailed([{ path: 'body.code', message: '动态口令已使用，请等待下一个动态口令' }]);
    }
    const locked = await attemptFailed(store, reservation, now);
    await auditSignIn(
      store,
      meta,
      actor,
      'failure',
      'auth.totp.verify',
      locked ? '动态口令不正确，账号已锁定' : '动态口令不正确',
    );
    if (locked) {
      await revokeSession(store, p.sessionId);
      throw lockedError();
    }
    throw validationFailed([{ path: 'body.code', message: '动态口令不正确，请输入新的动态口令' }]);
  }
  try {
    await spendTotpStep(store, account, step);
  } catch (err) {
    // Another request spent this code first: a replay, not a guess.
    if (err instanceof AppError) await releaseAttempt(store, reservation);
    throw err;
  }
  await clearFailures(store, account.login);
  await auditSignIn(store, meta, actor, 'success', 'auth.totp.verify');
  return { tokens: await advanceSession(store, p.sessionId, 'active', now) };
}
