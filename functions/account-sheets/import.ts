/**
 * Opening the accounts of a collected spreadsheet (the seed: "监管人员汇总统一开通").
 *
 * All or nothing as far as the data goes: every row is read, mapped (Chinese names → codes) and validated —
 * format, department × category, 三员分立, scope of the importing administrator, duplicates within the file,
 * logins already taken — and if any row is wrong nothing is written and the answer is one 400 listing every
 * problem as `rows[N].列名` (N = the spreadsheet's row number, the header being row 1).
 *
 * Writing: each account is an account item + a login claim, plus the counters the rows move, in
 * transactions of ≤ 100 items — a large file takes several. Each row's account id is derived from the
 * row's content, so a run that stops half-way (a failure, or a request that ran out of time: at most
 * `IMPORT_WRITE_BUDGET_MS` of password hashing per request) is finished by posting the same file again:
 * rows already written come back `existing`, nothing is created twice.
 */
import { createHash } from 'node:crypto';
import {
  IMPORT_MAX_FILE_BYTES,
  type ImportAccountsRequest,
  type ImportAccountsResponse,
  type ImportColumn,
} from '../../shared/api/accounts';
import type { FieldIssue } from '../../shared/api/errors';
import { badRequest } from '../lib/http/errors';
import type { Store } from '../store';
import type { AuditContext } from '../lib/accounts/audit';
import { createAccounts, type NewRegulatorAccount } from '../lib/accounts/create';
import { buildNoticeSheet } from '../lib/accounts/notice-sheet';
import { ONE_TIME_PASSWORD_TTL_MS } from '../lib/auth/one-time-password';
import type { AccountsActor } from '../lib/accounts/scope';
import { mapRow, readRows, type MappedRow } from './spreadsheet';

/** Password hashing per request, so an import answers well within the function's 10 s timeout. */
export const IMPORT_WRITE_BUDGET_MS = 5_000;

const COLUMN_OF: Record<string, ImportColumn> = {
  mobile: '手机号码',
  accountId: '手机号码',
  name: '姓名',
  department: '部门',
  regionCode: '行政区划代码',
  categories: '物品类别',
  roles: '角色',
};

/** The id a row's account gets: the same row content always gives the same id (idempotent re-runs). */
export function importAccountId(m: Omit<MappedRow, 'row'>): string {
  const canonical = JSON.stringify([
    m.mobile,
    m.name,
    m.department,
    m.regionCode,
    [...new Set(m.categories)].sort(),
    [...new Set(m.roles)].sort(),
  ]);
  return `imp-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

export interface ImportOptions {
  /** At most this many new accounts in this request (tests; default: as many as the time budget allows). */
  maxNew?: number;
  budgetMs?: number;
  clock?: () => number;
  /** Where the request came from, for the audit records. */
  audit?: AuditContext;
}

const rowsIn = (details: readonly FieldIssue[]) =>
  new Set(details.map((d) => /^rows\[(\d+)\]/.exec(d.path)?.[1]).filter(Boolean)).size;

export async function importAccounts(
  store: Store,
  actor: AccountsActor,
  file: ImportAccountsRequest,
  now: number = Date.now(),
  options: ImportOptions = {},
): Promise<ImportAccountsResponse> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > IMPORT_MAX_FILE_BYTES) {
    throw badRequest('文件不能超过 2 MB，请拆分后分批导入', [
      { path: 'body.contentBase64', message: '文件不能超过 2 MB' },
    ]);
  }
  const rows = await readRows(content);
  const mapped: MappedRow[] = [];
  const issues: FieldIssue[] = [];
  for (const r of rows) {
    const m = mapRow(r);
    issues.push(...m.issues);
    if (m.mapped) mapped.push(m.mapped);
  }
  const inputs: NewRegulatorAccount[] = mapped.map(({ row: _row, ...m }) => ({
    kind: 'regulator',
    accountId: importAccountId(m),
    ...m,
  }));
  const outcomes = await createAccounts(store, inputs, actor, now, {
    pathOf: (i, field) => `rows[${mapped[i]!.row}].${COLUMN_OF[field] ?? field}`,
    labelOf: (i) => `第 ${mapped[i]!.row} 行`,
    extraIssues: issues,
    conflictStatus: 400,
    invalidMessage: (details) =>
      `导入文件有 ${details.length} 处错误（涉及 ${rowsIn(details)} 行），未导入任何账号，请修改后重新导入`,
    ...(options.maxNew !== undefined ? { maxNew: options.maxNew } : {}),
    deadline: started + (options.budgetMs ?? IMPORT_WRITE_BUDGET_MS),
    ...(options.audit ? { audit: options.audit } : {}),
    clock,
  });

  const result = mapped.map((m, i) => {
    const o = outcomes[i]!;
    return {
      row: m.row,
      mobile: m.mobile,
      name: m.name,
      status: o.status,
      ...(o.status === 'created' ? { accountId: o.account.accountId } : {}),
      ...(o.status === 'created' && o.oneTimePassword ? { oneTimePassword: o.oneTimePassword } : {}),
      ...(o.status === 'existing' ? { accountId: o.accountId } : {}),
    };
  });
  const handedOut = result.filter((r) => r.oneTimePassword);
  const expiresAt = now + ONE_TIME_PASSWORD_TTL_MS;
  // The one-time passwords of the accounts THIS request opened, once: a later run of the same file says
  // `existing` for them and can't show them again (an administrator then resets the password).
  const notice = handedOut.length
    ? await buildNoticeSheet(
        `监管人员账号开通通知-${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)}.xlsx`,
        '姓名',
        handedOut.map((r) => ({ name: r.name, login: r.mobile, oneTimePassword: r.oneTimePassword!, expiresAt })),
      )
    : undefined;
  const count = (s: string) => result.filter((r) => r.status === s).length;
  const created = count('created');
  const existing = count('existing');
  const pending = count('pending');
  const parts = [`已开通 ${created} 个账号`];
  if (existing) parts.push(`${existing} 个账号此前已开通，未重复开通`);
  if (pending) parts.push(`还有 ${pending} 个待开通，请再次导入同一文件继续`);
  return {
    total: result.length,
    created,
    existing,
    pending,
    complete: pending === 0,
    message: parts.join('；'),
    rows: result,
    ...(notice ? { notice, oneTimePasswordExpiresAt: new Date(expiresAt).toISOString() } : {}),
  };
}
