import { describe, expect, it, vi } from 'vitest';
import { importAccountId } from '../../functions/account-sheets/import';
import { adminScope, scopeProblem, systemActor } from '../../functions/lib/accounts/scope';
import {
  categoryByWord,
  departmentByWord,
  mapRow,
  normaliseRegionCode,
  roleByWord,
} from '../../functions/account-sheets/spreadsheet';
import { isContention, transact } from '../../functions/lib/accounts/transact';
import { AppError } from '../../functions/lib/http/errors';
import type { Store } from '../../functions/store';
import { CreateRegulatorAccountRequest, regulatorAccountProblems } from '../../shared/api/accounts';
import { installChineseErrors } from '../../shared/api/zod-zh';

installChineseErrors();

const valid = {
  mobile: '13905951234',
  name: '林志明',
  department: 'gongan',
  regionCode: '350582',
  categories: ['firearms', 'explosives'],
  roles: ['inspector'],
};

const issuesOf = (input: unknown) => {
  const r = CreateRegulatorAccountRequest.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('the rules of a regulator account', () => {
  it('accepts a valid account and removes repeated categories and roles', () => {
    const r = CreateRegulatorAccountRequest.parse({ ...valid, categories: ['firearms', 'firearms'], name: ' 林志明 ' });
    expect(r).toMatchObject({ name: '林志明', categories: ['firearms'], roles: ['inspector'] });
  });

  it('refuses the three separated admin roles on one account (三员分立)', () => {
    expect(issuesOf({ ...valid, roles: ['sys-admin', 'audit-admin'] })).toEqual([
      {
        path: 'roles',
        message: '系统管理员、安全管理员、审计管理员须由不同的人担任（三员分立），一个账号只能授予其中一个',
      },
    ]);
    // A department admin may also inspect: only the three separated roles exclude each other.
    expect(issuesOf({ ...valid, roles: ['dept-admin', 'inspector'] })).toEqual([]);
  });

  it('allows only the categories the department takes part in — except for the platform administrators', () => {
    expect(issuesOf({ ...valid, department: 'caizheng', categories: ['firearms', 'hazchem'] })).toEqual([
      { path: 'categories', message: '财政部门不参与「危险化学品」的监管，可选：枪支弹药' },
    ]);
    expect(
      regulatorAccountProblems({ department: 'anjian', categories: ['firearms', 'transport'], roles: ['sys-admin'] }),
    ).toEqual([]);
  });

  it('says in Chinese what is missing or malformed', () => {
    expect(issuesOf({ ...valid, mobile: '12345', categories: [], roles: [], regionCode: '4401', name: '' })).toEqual([
      { path: 'mobile', message: '手机号码应为1开头的11位数字（第二位为3至9）' },
      { path: 'name', message: '请填写姓名' },
      {
        path: 'regionCode',
        message: '行政区划代码不正确：应为福建省（35）、设区市（如 3505）或县（市、区）（如 350583）的代码',
      },
      { path: 'categories', message: '请至少选择一个物品类别' },
      { path: 'roles', message: '请至少选择一个角色' },
    ]);
    expect(issuesOf({ ...valid, department: 'police' })).toEqual([{ path: 'department', message: '请选择正确的部门' }]);
  });
});

describe('reading the spreadsheet’s words', () => {
  it('maps departments by short name, full name, display name, alias and code', () => {
    for (const w of ['公安', '福建省公安厅', 'gongan', ' 公 安 ']) expect(departmentByWord(w)).toBe('gongan');
    expect(departmentByWord('经委')).toBe('jingxin');
    expect(departmentByWord('福建省安监局')).toBe('anjian');
    expect(departmentByWord('卫生局')).toBeUndefined();
  });

  it('maps categories by name and portal entry name, roles by name', () => {
    expect(categoryByWord('散装油')).toBe('bulk-gasoline');
    expect(categoryByWord('散装汽油')).toBe('bulk-gasoline');
    expect(roleByWord('部门管理员')).toBe('dept-admin');
    expect(roleByWord('管理员')).toBeUndefined();
  });

  it('turns six-digit padded region codes into the platform’s prefixes', () => {
    expect(normaliseRegionCode('350000')).toBe('35');
    expect(normaliseRegionCode('350500')).toBe('3505');
    expect(normaliseRegionCode('350582')).toBe('350582');
    expect(normaliseRegionCode(' 3505 ')).toBe('3505');
  });

  it('splits several categories and roles, and reports unknown words by row and column', () => {
    const cells = {
      手机号码: '139 0595 1234',
      姓名: '林志明',
      部门: '公安',
      行政区划代码: '350500',
      物品类别: '枪支弹药、民爆物品，烟花爆竹',
      角色: '检查人员 审核人员',
    };
    expect(mapRow({ row: 4, cells })).toEqual({
      issues: [],
      mapped: {
        row: 4,
        mobile: '13905951234',
        name: '林志明',
        department: 'gongan',
        regionCode: '3505',
        categories: ['firearms', 'explosives', 'fireworks'],
        roles: ['inspector', 'reviewer'],
      },
    });
    expect(mapRow({ row: 5, cells: { ...cells, 物品类别: '枪支、民爆物品', 角色: '' } }).issues).toEqual([
      {
        path: 'rows[5].物品类别',
        message:
          '物品类别「枪支」不正确，可选：枪支弹药、危险化学品、民爆物品、散装汽油、放射性物品、烟花爆竹、硝酸铵复混肥、运输监管',
      },
      { path: 'rows[5].角色', message: '请填写角色' },
    ]);
  });

  it('derives the same account id from the same row content, whatever the order of categories', () => {
    const m = {
      mobile: '13905951234',
      name: '林志明',
      department: 'gongan',
      regionCode: '3505',
      categories: ['firearms', 'explosives'],
      roles: ['inspector'],
    };
    expect(importAccountId(m)).toBe(importAccountId({ ...m, categories: ['explosives', 'firearms'] }));
    expect(importAccountId(m)).not.toBe(importAccountId({ ...m, regionCode: '350582' }));
    expect(importAccountId(m)).toMatch(/^imp-[0-9a-f]{32}$/);
  });
});

describe('who may administer which account', () => {
  const deptAdmin = {
    kind: 'regulator',
    accountId: 'a',
    department: 'gongan',
    regionCode: '3505',
    roles: ['dept-admin'],
  } as const;

  it('gives 系统管理员 and the system every account, 部门管理员 their department and region', () => {
    expect(adminScope({ ...deptAdmin, roles: ['sys-admin'] })).toEqual({ all: true });
    expect(adminScope(systemActor('seed'))).toEqual({ all: true });
    expect(adminScope(deptAdmin)).toEqual({ all: false, department: 'gongan', regionPrefix: '3505' });
  });

  it('refuses anyone else with a 403', () => {
    for (const actor of [{ ...deptAdmin, roles: ['inspector', 'sec-admin'] }, { kind: 'enterprise' } as const]) {
      let err: unknown;
      try {
        adminScope(actor);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
    }
  });

  it('explains each way an account falls outside a department admin’s scope', () => {
    const scope = adminScope(deptAdmin);
    const target = { kind: 'regulator', department: 'gongan', regionCode: '350582', roles: ['inspector'] } as const;
    expect(scopeProblem(scope, target)).toBeNull();
    expect(scopeProblem(scope, { ...target, department: 'anjian' })).toBe('部门管理员只能管理本部门（公安）的账号');
    expect(scopeProblem(scope, { ...target, regionCode: '3502' })).toBe(
      '部门管理员只能管理本辖区（福建省泉州市）内的账号',
    );
    // '350' + '5…' would be a string prefix of 3505's siblings only at whole levels: 35 is not in 3505.
    expect(scopeProblem(scope, { ...target, regionCode: '35' })).not.toBeNull();
    expect(scopeProblem(scope, { ...target, roles: ['audit-admin'] })).toBe(
      '系统管理员、安全管理员、审计管理员的账号只能由系统管理员开通和管理',
    );
    expect(scopeProblem(scope, { kind: 'enterprise' })).toBe('部门管理员只能管理监管人员账号');
  });
});

describe('transactions under contention', () => {
  const conflict = () =>
    Object.assign(new Error('cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
    });
  const conditionFailed = () =>
    Object.assign(new Error('cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }],
    });
  const storeWith = (send: (cmd: unknown) => Promise<unknown>) =>
    ({ client: { send }, table: 't' }) as unknown as Pick<Store, 'client' | 'table'>;
  const item = { Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } };

  it('retries a transaction cancelled only by a conflict, with a fresh idempotency token each time', async () => {
    const tokens: string[] = [];
    const send = vi.fn(async (cmd: { input: { ClientRequestToken: string } }) => {
      tokens.push(cmd.input.ClientRequestToken);
      if (tokens.length < 3) throw conflict();
      return {};
    });
    await transact(storeWith(send as never), [item], { backoff: { baseMs: 1, capMs: 2 } });
    expect(send).toHaveBeenCalledTimes(3);
    expect(new Set(tokens).size).toBe(3);
  });

  it('rethrows a failed condition at once, and gives up with a 503 when the conflict persists', async () => {
    expect(isContention(conditionFailed())).toBe(false);
    const failing = vi.fn(async () => {
      throw conditionFailed();
    });
    await expect(transact(storeWith(failing), [item])).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(failing).toHaveBeenCalledTimes(1);
    const busy = vi.fn(async () => {
      throw conflict();
    });
    await expect(
      transact(storeWith(busy), [item], { attempts: 3, backoff: { baseMs: 1, capMs: 1 } }),
    ).rejects.toMatchObject({
      status: 503,
      message: '系统繁忙，请稍后再试',
    });
    expect(busy).toHaveBeenCalledTimes(3);
  });
});
