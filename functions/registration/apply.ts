/**
 * The applicant's side of registration: look up the unit on the register, then apply. An application
 * commits in one transaction with its review tasks (one per category), the one-open-application-per-login
 * guard and its audit record.
 */
import { itemsOf } from '../lib/transactions';
import { createWriteTransaction, type EntityItem } from 'electrodb';
import { passwordProblem } from '../../shared/auth/password-policy';
import type { RegistrationRequest } from '../../shared/api/registration';
import { validateUscc } from '../../shared/validation/uscc';
import { validateRegistrationNo } from '../../shared/validation/registration-no';
import { hashPassword } from '../lib/auth/password';
import { newId } from '../lib/auth/tokens';
import { transactWithAudit } from '../lib/audit';
import { AppError, validationFailed } from '../lib/http/errors';
import type { Store } from '../store';
import { openApplication } from '../lib/registration/applications';

type Enterprise = EntityItem<Store['enterprises']>;
export type Registration = EntityItem<Store['registrations']>;

export interface RequestContext {
  sourceIp: string;
  requestId: string;
}

async function enterpriseByCode(store: Store, code: string): Promise<Enterprise | undefined> {
  if (code.length !== 18) return undefined;
  const { data } = await store.enterprises.query.byCreditCode({ creditCode: code }).go();
  return data.find((e) => !e.removed);
}

async function loginTaken(store: Store, login: string): Promise<boolean> {
  const { data } = await store.loginClaims.get({ login }).go();
  return Boolean(data);
}

/**
 * What the registration form may say about a code before the applicant fills it in. Only for a code of a
 * unit on the register (public: name, region, whether it has its login); anything else — a mobile number
 * above all — is "not found", so the lookup tells nothing about which logins exist.
 */
export async function lookupRegistrant(store: Store, rawCode: string) {
  const code = rawCode.trim().toUpperCase();
  const enterprise = codeProblem(code) ? undefined : await enterpriseByCode(store, code);
  if (!enterprise) return { found: false, alreadyRegistered: false, pending: false };
  const [taken, open] = await Promise.all([loginTaken(store, code), openApplication(store, code)]);
  return {
    found: true,
    name: enterprise.name,
    regionCode: enterprise.regionCode,
    alreadyRegistered: taken,
    pending: open?.status === 'pending' && !open.loginTaken,
  };
}

function codeProblem(code: string): string | null {
  const r = code.length === 18 ? validateUscc(code) : validateRegistrationNo(code);
  return r.ok ? null : r.message;
}

export async function applyForAccount(store: Store, req: RegistrationRequest, ctx: RequestContext, now = Date.now()) {
  const issues: { path: string; message: string }[] = [];
  const code = req.hasLicence ? (req.code ?? '') : undefined;
  if (req.hasLicence) {
    if (!code) issues.push({ path: 'body.code', message: '请输入统一社会信用代码或注册号' });
    else {
      const problem = codeProblem(code);
      if (problem) issues.push({ path: 'body.code', message: problem });
    }
  }
  const existing = code && !issues.length ? await enterpriseByCode(store, code) : undefined;
  if (!existing && !req.unit) issues.push({ path: 'body.unit', message: '该单位尚未收录，请填写单位信息' });
  const login = code || req.informant.mobile;
  const pwProblem = passwordProblem(req.password, login);
  if (pwProblem) issues.push({ path: 'body.password', message: pwProblem });
  if (issues.length) throw validationFailed(issues);

  const loginPath = code ? 'body.code' : 'body.informant.mobile';
  // A login that already has an account (a regulator's mobile, an enterprise's code) is answered exactly as
  // a free one: the application is kept but parked — no review task, never approved — so the answer can't
  // be used to find out whose number has an account. The applicant learns nothing at submission; signing
  // in with the chosen password then fails with the generic message, as any wrong password does, and no
  // approval ever comes: the owner of the login asks their administrator (or the 技术支撑) instead.
  const [taken, open] = await Promise.all([loginTaken(store, login), openApplication(store, login)]);
  if (open && open.status !== 'rejected') {
    throw new AppError(409, 'CONFLICT', '该账号已提交注册申请，正在审核中，请勿重复提交', [
      { path: loginPath, message: '已提交注册申请，正在审核中' },
    ]);
  }

  const requestId = `reg-${newId()}`;
  const submittedAt = new Date(now).toISOString();
  const categories = [...new Set(req.segments.map((s) => s.category))];
  const registration = {
    requestId,
    status: 'pending' as const,
    hasLicence: req.hasLicence,
    ...(code ? { code } : {}),
    ...(existing ? { existingEnterpriseId: existing.enterpriseId } : {}),
    unitName: existing?.name ?? req.unit!.name,
    ...(req.unit
      ? { address: req.unit.address, legalRepresentative: req.unit.legalRepresentative, phone: req.unit.phone }
      : {}),
    regionCode: req.regionCode,
    segments: req.segments.map((s) => ({ category: s.category, segment: s.segment })),
    categories,
    informantName: req.informant.name,
    informantIdCardNo: req.informant.idCardNo,
    informantMobile: req.informant.mobile,
    login,
    passwordHash: await hashPassword(req.password),
    submittedAt,
    ...(taken ? { loginTaken: true } : {}),
  };
  const items = itemsOf(
    createWriteTransaction(
      { registrations: store.registrations, tasks: store.registrationTasks, guards: store.registrationGuards },
      ({ registrations, tasks, guards }) => [
        registrations.create(registration).commit(),
        ...(taken ? [] : categories).map((category) =>
          tasks.create({ requestId, category, status: 'pending', regionCode: req.regionCode, submittedAt }).commit(),
        ),
        // One open application per login: a rejected one may be replaced, nothing else.
        open
          ? guards
              .update({ login })
              .set({ requestId })
              .where((a, op) => op.eq(a.requestId, open.requestId))
              .commit()
          : guards.create({ login, requestId }).commit(),
      ],
    ),
  );
  try {
    await transactWithAudit(
      store,
      {
        actor: { kind: 'anonymous', login, name: req.informant.name },
        action: 'registration.submit',
        object: { type: 'registration', id: requestId, label: registration.unitName },
        outcome: 'success',
        sourceIp: ctx.sourceIp,
        requestId: ctx.requestId,
        details: {
          login,
          categories,
          regionCode: req.regionCode,
          onRegister: Boolean(existing),
          ...(taken ? { parked: '账号已存在，申请不进入审核' } : {}),
        },
      },
      items,
    );
  } catch (err) {
    if ((err as { name?: string }).name === 'TransactionCanceledException') {
      throw new AppError(409, 'CONFLICT', '该账号已提交注册申请，正在审核中，请勿重复提交');
    }
    throw err;
  }
  return {
    requestId,
    status: 'pending' as const,
    login,
    message: `您的注册申请已提交，审核通过后即可使用账号 ${login} 登录`,
  };
}

/** What sign-in tells an applicant whose account does not exist yet — only with the password they chose. */
