/**
 * Opening accounts — the one way every account comes into being: the admin form, the Excel import, the
 * registration review (enterprise accounts) and the demo seed all call `createAccounts`.
 *
 * For each account one transaction (shared with others, ≤ 100 items) holds:
 *   - Put account      — attribute_not_exists (its id is new);
 *   - Put loginClaim   — attribute_not_exists on the login: two creations of one login can't both commit;
 *   - Update counter   — ADD +n for the enabled regulators of each department × jurisdiction it adds to.
 * Nothing is written unless every input is valid, in the actor's scope and free: problems come back
 * together, each with its field's path, as one 400 (403 when out of scope, 409 — or 400 if asked — when
 * a login is taken).
 *
 * Idempotency: a caller that passes a deterministic `accountId` (seed, import) gets `existing` for an
 * input whose login is already claimed by that same id, instead of a conflict — a re-run writes nothing
 * twice. The initial password is a random one-time password (one-time-password.ts), valid 72 hours, handed
 * back ONCE in the outcome for the caller to show (it is stored only as its hash); the demo seed alone keeps
 * the seed's rule, the last six characters of the login (`initialPassword: 'seed-rule'`). Hashing (scrypt)
 * is the slow part, so a caller may bound the new accounts of one call (`maxNew`, `deadline`) and leave the
 * rest `pending`.
 */
import { itemsOf } from '../transactions';
import { createWriteTransaction } from 'electrodb';
import { randomUUID } from 'node:crypto';
import { CreateRegulatorAccountRequest, initialPasswordOf } from '../../../shared/api/accounts';
import type { FieldIssue } from '../../../shared/api/errors';
import { validateRegistrationNo } from '../../../shared/validation/registration-no';
import { validateUscc } from '../../../shared/validation/uscc';
import { isMobile } from '../../../shared/validation/phone';
import { hashPassword } from '../auth/password';
import { hashOneTimePassword, newOneTimePassword, ONE_TIME_PASSWORD_TTL_MS } from '../auth/one-time-password';
import { AppError, validationFailed } from '../http/errors';
import type { Store } from '../../store';
import { CounterDeltas, counterOf } from './counters';
import { adminScope, scopeProblem, type AccountsActor } from './scope';
import { accountAudit, AUDIT_ITEMS, type AuditContext } from './audit';
import { cancellationCodes, MAX_TRANSACT_ITEMS, transact } from './transact';
import type { Account } from './view';

export interface NewRegulatorAccount {
  kind: 'regulator';
  /** Deterministic id for idempotent callers; a random one otherwise. */
  accountId?: string;
  mobile: string;
  name: string;
  department: string;
  regionCode: string;
  categories: readonly string[];
  roles: readonly string[];
}

export interface NewEnterpriseAccount {
  kind: 'enterprise';
  accountId?: string;
  /** 统一社会信用代码 or 注册号. */
  login: string;
  name: string;
  enterpriseId: string;
  informantName?: string;
  informantIdCardNo?: string;
  informantMobile?: string;
  /** A password the applicant chose at registration (already hashed): no initial password to change. */
  passwordHash?: string;
}

export type NewAccount = NewRegulatorAccount | NewEnterpriseAccount;

export type CreateOutcome =
  | {
      status: 'created';
      account: Account;
      /** The one-time password to show once (absent when the person chose theirs, or for the seed rule). */
      oneTimePassword?: string;
    }
  | { status: 'existing'; accountId: string }
  | { status: 'pending' };

export interface CreateOptions {
  /** Path of a field of input `index` in error details (default `inputs[i].field`). */
  pathOf?: (index: number, field: string) => string;
  /** How a message names input `index` ("第 3 行"); default "第 i+1 个". */
  labelOf?: (index: number) => string;
  /** Problems the caller already found (e.g. unreadable spreadsheet rows): reported with ours, nothing written. */
  extraIssues?: readonly FieldIssue[];
  /** Status for "login already taken": 409 (default) or 400 (an import reports it among the row errors). */
  conflictStatus?: 400 | 409;
  /** The whole-request message for a 400 (default: validationFailed's). */
  invalidMessage?: (issues: readonly FieldIssue[]) => string;
  /** Create at most this many new accounts now; the rest come back `pending`. */
  maxNew?: number;
  /** Epoch ms: start no new password hash after this (at least one account is always created). */
  deadline?: number;
  /** Where the request came from, for the audit record each transaction carries. */
  audit?: AuditContext;
  /** Who creates (filled in by createAccounts for the audit record). */
  actor?: AccountsActor;
  /** The clock for `deadline` (tests). */
  clock?: () => number;
  /**
   * 'one-time' (default): a random password valid 72 hours. 'seed-rule': the last six characters of the
   * login, without expiry — for the local demo data only (functions/seed), never a real deployment's accounts.
   */
  initialPassword?: 'one-time' | 'seed-rule';
}

/** The fields of an account item as the entity's `create` takes them. */
type AccountItem = Parameters<Store['accounts']['create']>[0];

interface Planned {
  index: number;
  accountId: string;
  login: string;
  kind: 'regulator' | 'enterprise';
  /** Without passwordHash, createdAt: filled in when it is committed. */
  item: Omit<AccountItem, 'passwordHash' | 'createdAt'>;
}

const ACCOUNT_ID = /^[\w-]{1,64}$/;

type Issue = { index: number; field: string; message: string };

/** Normalise and validate one input: the planned item, or its problems. */
function check(input: NewAccount, index: number): { planned?: Planned; issues: Issue[] } {
  const issues: Issue[] = [];
  if (input.accountId !== undefined && !ACCOUNT_ID.test(input.accountId)) {
    issues.push({ index, field: 'accountId', message: '账号编号不正确' });
  }
  const accountId = input.accountId ?? `acc-${randomUUID()}`;
  if (input.kind === 'regulator') {
    const r = CreateRegulatorAccountRequest.safeParse({
      mobile: input.mobile,
      name: input.name,
      department: input.department,
      regionCode: input.regionCode,
      categories: input.categories,
      roles: input.roles,
    });
    if (!r.success) {
      for (const i of r.error.issues) issues.push({ index, field: String(i.path[0] ?? 'mobile'), message: i.message });
      return { issues };
    }
    const a = r.data;
    if (issues.length) return { issues };
    return {
      issues,
      planned: {
        index,
        accountId,
        login: a.mobile,
        kind: 'regulator',
        item: {
          accountId,
          kind: 'regulator',
          login: a.mobile,
          name: a.name,
          mustChangePassword: true,
          disabled: false,
          mobile: a.mobile,
          department: a.department,
          regionCode: a.regionCode,
          categories: [...a.categories],
          roles: [...a.roles],
          version: 1,
        },
      },
    };
  }
  const login = input.login.trim().toUpperCase();
  // 18 characters: 统一社会信用代码 (which may be all digits); 11 digits: the 信息员's mobile, the login of a
  // unit registered without a business licence (seed: 自主注册开通的企业); otherwise the older 注册号.
  const loginCheck =
    login.length === 18 ? validateUscc(login) : isMobile(login) ? { ok: true as const } : validateRegistrationNo(login);
  if (!loginCheck.ok) issues.push({ index, field: 'login', message: loginCheck.message });
  const name = input.name.trim();
  if (!name) issues.push({ index, field: 'name', message: '请填写姓名' });
  else if (name.length > 50) issues.push({ index, field: 'name', message: '姓名不能超过 50 个字' });
  if (!input.enterpriseId.trim()) issues.push({ index, field: 'enterpriseId', message: '缺少企业编号' });
  if (issues.length) return { issues };
  return {
    issues,
    planned: {
      index,
      accountId,
      login,
      kind: 'enterprise',
      item: {
        accountId,
        kind: 'enterprise',
        login,
        name,
        mustChangePassword: !input.passwordHash,
        ...(input.passwordHash ? { passwordHash: input.passwordHash } : {}),
        disabled: false,
        enterpriseId: input.enterpriseId.trim(),
        ...(input.informantName ? { informantName: input.informantName } : {}),
        ...(input.informantIdCardNo ? { informantIdCardNo: input.informantIdCardNo } : {}),
        ...(input.informantMobile ? { informantMobile: input.informantMobile } : {}),
        version: 1,
      },
    },
  };
}

/** Who holds these logins now: login (lower-cased, as keys are) → accountId. */
async function claimsOf(store: Store, logins: readonly string[], consistent = false): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  let keys = [...new Set(logins)].map((login) => ({ login }));
  for (let attempt = 0; keys.length; attempt++) {
    if (attempt === 5) throw new AppError(503, 'SERVICE_UNAVAILABLE', '系统繁忙，请稍后再试');
    const { data, unprocessed } = await store.loginClaims.get(keys).go({ concurrency: 4, consistent });
    for (const c of data) held.set(c.login.toLowerCase(), c.accountId);
    keys = unprocessed.map((k) => ({ login: String(k.login) }));
  }
  return held;
}

/** Consecutive accounts that fit one transaction: 2 items each, plus one per counter they move. */
function chunksOf(plans: readonly Planned[]): Planned[][] {
  const chunks: Planned[][] = [];
  let chunk: Planned[] = [];
  let counters = new CounterDeltas();
  for (const p of plans) {
    const key = counterOf(p.item);
    const size = 2 * (chunk.length + 1) + counters.size + (counters.isNew(key) ? 1 : 0);
    if (size > MAX_TRANSACT_ITEMS - AUDIT_ITEMS) {
      chunks.push(chunk);
      chunk = [];
      counters = new CounterDeltas();
    }
    chunk.push(p);
    counters.add(key, 1);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

function transactionItems(store: Store, chunk: readonly (Planned & { full: AccountItem })[], now: number) {
  const claimedAt = new Date(now).toISOString();
  const counters = new CounterDeltas();
  for (const p of chunk) counters.add(counterOf(p.full), 1);
  const puts = itemsOf(
    createWriteTransaction({ accounts: store.accounts, claims: store.loginClaims }, (e) =>
      chunk.flatMap((p) => [
        e.accounts.create(p.full).commit(),
        e.claims.create({ login: p.login, accountId: p.accountId, kind: p.kind, claimedAt }).commit(),
      ]),
    ),
  );
  return [...puts, ...counters.items(store, now)];
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function createAccounts(
  store: Store,
  inputs: readonly NewAccount[],
  actor: AccountsActor,
  now: number = Date.now(),
  options: CreateOptions = {},
): Promise<CreateOutcome[]> {
  const scope = adminScope(actor);
  const pathOf = options.pathOf ?? ((i: number, f: string) => `inputs[${i}].${f}`);
  const labelOf = options.labelOf ?? ((i: number) => `第 ${i + 1} 个`);
  const clock = options.clock ?? Date.now;

  const invalid: Issue[] = [];
  const outOfScope: Issue[] = [];
  const plans: Planned[] = [];
  const firstByLogin = new Map<string, number>();
  inputs.forEach((input, index) => {
    const { planned, issues } = check(input, index);
    invalid.push(...issues);
    if (!planned) return;
    const problem = scopeProblem(scope, planned.item);
    if (problem) outOfScope.push({ index, field: 'department', message: problem });
    const key = planned.login.toLowerCase();
    const first = firstByLogin.get(key);
    if (first !== undefined) {
      invalid.push({
        index,
        field: planned.kind === 'regulator' ? 'mobile' : 'login',
        message: `${planned.kind === 'regulator' ? '手机号码' : '账号'}与${labelOf(first)}重复`,
      });
      return;
    }
    firstByLogin.set(key, index);
    plans.push(planned);
  });

  // Which logins are taken already — by this same (deterministic) id, or by someone else.
  const held = await claimsOf(
    store,
    plans.map((p) => p.login),
  );
  const outcomes: CreateOutcome[] = inputs.map(() => ({ status: 'pending' }));
  const taken: Issue[] = [];
  const fresh: Planned[] = [];
  for (const p of plans) {
    const holder = held.get(p.login.toLowerCase());
    if (holder === undefined) fresh.push(p);
    else if (holder === p.accountId) outcomes[p.index] = { status: 'existing', accountId: p.accountId };
    else taken.push(takenIssue(p));
  }

  const toDetails = (list: readonly Issue[]) =>
    list.map((i) => ({ path: pathOf(i.index, i.field), message: i.message }));
  const extra = options.extraIssues ?? [];
  if (outOfScope.length) {
    const details = [...extra, ...toDetails([...outOfScope, ...invalid, ...taken])];
    const message =
      outOfScope.length === 1 && details.length === 1
        ? outOfScope[0]!.message
        : `有 ${outOfScope.length} 个账号超出您的管理范围：${outOfScope[0]!.message}；未开通任何账号`;
    throw new AppError(403, 'FORBIDDEN', message, details);
  }
  if (invalid.length || extra.length) {
    const details = [...extra, ...toDetails([...invalid, ...taken])].sort(byPath);
    if (options.invalidMessage) throw new AppError(400, 'VALIDATION_FAILED', options.invalidMessage(details), details);
    throw validationFailed(details);
  }
  if (taken.length) throw takenError(toDetails(taken), options);

  // Hash the initial passwords of as many new accounts as the call may take (always at least one).
  const budget = Math.min(fresh.length, options.maxNew ?? fresh.length);
  const ready: (Planned & { full: AccountItem })[] = [];
  const createdAt = new Date(now).toISOString();
  const oneTime = new Map<number, string>();
  await mapLimit(fresh.slice(0, budget), 4, async (p) => {
    if (ready.length > 0 && options.deadline !== undefined && clock() > options.deadline) return;
    const chosen = (p.item as { passwordHash?: string }).passwordHash;
    if (chosen) {
      ready.push({ ...p, full: { ...p.item, passwordHash: chosen, createdAt } as AccountItem });
      return;
    }
    if (options.initialPassword === 'seed-rule') {
      const passwordHash = await hashPassword(initialPasswordOf(p.login));
      ready.push({ ...p, full: { ...p.item, passwordHash, createdAt } as AccountItem });
      return;
    }
    const password = newOneTimePassword(p.login);
    const passwordHash = await hashOneTimePassword(password);
    oneTime.set(p.index, password);
    const initialPasswordExpiresAt = now + ONE_TIME_PASSWORD_TTL_MS;
    ready.push({ ...p, full: { ...p.item, passwordHash, initialPasswordExpiresAt, createdAt } as AccountItem });
  });
  ready.sort((a, b) => a.index - b.index);

  for (const chunk of chunksOf(ready) as (Planned & { full: AccountItem })[][]) {
    await commitChunk(store, chunk, now, outcomes, pathOf, { ...options, actor });
  }
  for (const [index, password] of oneTime) {
    const o = outcomes[index]!;
    if (o.status === 'created') outcomes[index] = { ...o, oneTimePassword: password };
  }
  return outcomes;
}

function takenIssue(p: Planned): Issue {
  return p.kind === 'regulator'
    ? { index: p.index, field: 'mobile', message: '该手机号码已开通账号，不能重复开通' }
    : { index: p.index, field: 'login', message: '该账号已存在，不能重复开通' };
}

function takenError(details: FieldIssue[], options: CreateOptions): AppError {
  if (options.conflictStatus === 400) {
    return new AppError(
      400,
      'VALIDATION_FAILED',
      options.invalidMessage?.(details) ?? validationFailed(details).message,
      details,
    );
  }
  return new AppError(
    409,
    'CONFLICT',
    details.length === 1 ? `${details[0]!.message}` : `有 ${details.length} 个账号已存在，未开通这些账号`,
    details,
  );
}

const byPath = (a: FieldIssue, b: FieldIssue) => a.path.localeCompare(b.path, 'en', { numeric: true });

/**
 * Commit one chunk. If a claim was taken meanwhile (a concurrent creation of the same login won), find
 * out whose: ours from a concurrent identical run → `existing`; someone else's → the conflict error
 * (earlier chunks stay committed — a re-run picks up from there).
 */
async function commitChunk(
  store: Store,
  chunk: (Planned & { full: AccountItem })[],
  now: number,
  outcomes: CreateOutcome[],
  pathOf: (index: number, field: string) => string,
  options: CreateOptions,
): Promise<void> {
  let remaining = chunk;
  for (let attempt = 0; remaining.length; attempt++) {
    try {
      const only = remaining.length === 1 ? remaining[0]! : undefined;
      await transact(store, transactionItems(store, remaining, now), {
        audit: accountAudit(
          options.actor ?? { kind: 'system', label: 'accounts' },
          options.audit,
          'account.create',
          only ? { id: only.full.accountId, label: only.login } : { label: `${remaining.length} 个账号` },
          { accounts: remaining.map((p) => ({ accountId: p.full.accountId, login: p.login, kind: p.full.kind })) },
        ),
      });
      for (const p of remaining) outcomes[p.index] = { status: 'created', account: p.full as Account };
      return;
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes?.includes('ConditionalCheckFailed') || attempt >= 3) throw err;
      const held = await claimsOf(
        store,
        remaining.map((p) => p.login),
        true,
      );
      const lost = remaining.filter(
        (p) => held.has(p.login.toLowerCase()) && held.get(p.login.toLowerCase()) !== p.accountId,
      );
      if (lost.length) {
        throw takenError(
          lost.map((p) => {
            const i = takenIssue(p);
            return { path: pathOf(i.index, i.field), message: i.message };
          }),
          options,
        );
      }
      for (const p of remaining) {
        if (held.get(p.login.toLowerCase()) === p.accountId)
          outcomes[p.index] = { status: 'existing', accountId: p.accountId };
      }
      remaining = remaining.filter((p) => !held.has(p.login.toLowerCase()));
    }
  }
}
