import { ROLES } from '../../shared/reference/roles';
import { category } from '../../shared/reference/categories';
import { department } from '../../shared/reference/departments';
import type { SeedSummary } from './seed';
import type { LocalStack } from './stack';

/** What `npm start` prints once the platform is up: where to go and whom to log in as. */
export function printBanner(o: { stack: LocalStack; dataDir: string; seeded: SeedSummary; startedMs: number }): void {
  const { stack, seeded } = o;
  const roleName = (code: string) => ROLES.find((r) => r.code === code)?.name ?? code;
  const lines = [
    '',
    '福建省危险物品“一体化”安全监管信息平台 — 本地运行',
    '',
    `  门户网站        ${stack.url}/`,
    `  企业服务平台    ${stack.url}/enterprise/login`,
    `  健康检查        ${stack.url}/api/health`,
    `  API 文档        ${stack.url}/api/openapi.json`,
    '',
    `  数据目录        ${o.dataDir}（重启不丢数据）`,
    `  DynamoDB Local  ${stack.dynamo.endpoint}    s3rver ${stack.s3.endpoint}    事件总线 ${stack.bus.endpoint}`,
    `  演示数据        ${seeded.created ? '本次已生成' : '已存在，未重新生成'}：${seeded.enterprises} 家企业，${seeded.personnel} 名从业人员`,
    `  启动用时        ${(o.startedMs / 1000).toFixed(1)} 秒`,
    '',
    '演示账号（初始密码为账号后六位，只能使用一次，首次登录须修改；管理员须绑定动态口令）：',
    '  监管人员（账号 = 手机号）',
    ...seeded.regulators.map(
      (r) =>
        `    ${r.mobile}  ${r.name.padEnd(4, '　')}  ${department(r.department as never).short.padEnd(3, '　')}  ${r.regionName.padEnd(8, '　')}  ${r.roles.map(roleName).join('、')}  [${r.categories.map((c) => category(c as never).entryName).join('、')}]`,
    ),
    '  企业（账号 = 统一社会信用代码）',
    ...seeded.enterpriseAccounts.map((e) => `    ${e.login}  ${e.name}`),
    '',
    '按 Ctrl-C 停止。',
    '',
  ];
  console.log(lines.join('\n'));
}
