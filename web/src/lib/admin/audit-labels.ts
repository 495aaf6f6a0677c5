/**
 * The words the audit screens use for the codes in the audit trail: one place for every action code (written
 * by functions/identity, functions/accounts … as `auth.login`, `account.create`), object type, outcome and
 * chain problem. A code without a label here is shown as it is — a new action is never hidden or renamed.
 */
import type { AuditChainStatus, AuditLogItem } from '$shared/api/audit';
import type { OptionGroup } from '$lib/ui/options';

/** Action code → what the 审计管理员 reads. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  auth: '登录认证',
  'auth.login': '登录',
  'auth.logout': '退出系统',
  'auth.password.change': '修改密码',
  'auth.totp.enrol': '绑定动态口令',
  'auth.totp.verify': '动态口令验证',
  account: '账号管理',
  'account.create': '开通账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.password.reset': '重置账号密码',
  registration: '企业注册',
  'registration.submit': '提交注册申请',
  'registration.approve': '同意注册',
  'registration.reject': '拒绝注册',
  register: '企业信息管理',
  'register.create.submit': '新增企业（提交审核）',
  'register.create.approve': '新增企业（审核同意）',
  'register.create.reject': '新增企业（审核拒绝）',
  'register.remove.submit': '删除企业（提交审核）',
  'register.remove.approve': '删除企业（审核同意）',
  'register.remove.reject': '删除企业（审核拒绝）',
  'register.correct.submit': '企业信息纠错（提交审核）',
  'register.correct.approve': '企业信息纠错（审核同意）',
  'register.correct.reject': '企业信息纠错（审核拒绝）',
  'register.correct-licence.submit': '证书信息纠正（提交审核）',
  'register.correct-licence.approve': '证书信息纠正（审核同意）',
  'register.correct-licence.reject': '证书信息纠正（审核拒绝）',
  'register.import.request': '导入清单文件',
  'register.import.start': '开始导入',
  'register.import.batch': '导入一批企业',
  'register.import.fail': '导入失败',
  enterprise: '企业自助',
  'enterprise.person.create': '新增从业人员',
  'enterprise.person.update': '编辑从业人员',
  'enterprise.person.delete': '删除从业人员',
  'enterprise.product.create': '新增产品种类',
  'enterprise.product.delete': '删除产品种类',
  attachment: '附件',
  'attachment.issue': '申请上传附件',
  'attachment.complete': '附件上传完成',
  notification: '消息',
  'notification.deliver': '发送消息',
  'notification.read': '标记消息已读',
  'notification.read-all': '全部标记已读',
};

/** The label of an action code; the code itself when there is none. */
export function actionLabel(code: string): string {
  return ACTION_LABELS[code] ?? code;
}

/** The 操作类型 filter: a whole area (the API matches by prefix) or one action. */
export const ACTION_FILTER_GROUPS: readonly OptionGroup[] = [
  {
    label: '登录认证',
    options: ['auth', 'auth.login', 'auth.logout', 'auth.password.change', 'auth.totp.enrol', 'auth.totp.verify'].map(
      (value) => ({ value, label: value === 'auth' ? '全部登录认证操作' : actionLabel(value) }),
    ),
  },
  {
    label: '账号管理',
    options: ['account', 'account.create', 'account.disable', 'account.enable', 'account.password.reset'].map(
      (value) => ({ value, label: value === 'account' ? '全部账号管理操作' : actionLabel(value) }),
    ),
  },
  ...(['registration', 'register', 'enterprise', 'attachment', 'notification'] as const).map((area) => ({
    label: actionLabel(area),
    options: Object.keys(ACTION_LABELS)
      .filter((code) => code === area || code.startsWith(`${area}.`))
      .map((value) => ({ value, label: value === area ? `全部${actionLabel(area)}操作` : actionLabel(value) })),
  })),
];

export const OBJECT_TYPE_LABELS: Readonly<Record<string, string>> = {
  account: '账号',
  session: '会话',
  enterprise: '企业',
  licence: '许可证',
  changeRequest: '变更申请',
  attachment: '附件',
  notification: '消息',
  registration: '注册申请',
  person: '从业人员',
  product: '产品种类',
  registerImport: '导入任务',
  category: '物品类别',
};

export function objectTypeLabel(type: string): string {
  return OBJECT_TYPE_LABELS[type] ?? type;
}

export type AuditOutcome = AuditLogItem['outcome'];

/** As shared/api/audit.ts names them (AUDIT_OUTCOME_NAMES), repeated so the screens need not load the schemas. */
export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
};

/** The colour of an outcome's tag in the list (StatusTag). */
export const OUTCOME_TONES: Readonly<Record<AuditOutcome, 'success' | 'warning' | 'danger'>> = {
  success: 'success',
  failure: 'warning',
  denied: 'danger',
};

export type ChainProblem = NonNullable<AuditChainStatus['brokenAt']>['problem'];

/** What a broken chain's first bad record means (shared/api/audit.ts, AuditChainStatus.brokenAt). */
export const CHAIN_PROBLEM_LABELS: Readonly<Record<ChainProblem, string>> = {
  hash: '记录内容被改动（哈希不符）',
  link: '与前一条记录不衔接',
  missing: '记录缺失',
  index: '记录的索引被移动',
  head: '链头与最后一条记录不符',
  anchor: '与每日锚定在表外的链头不符（记录被改写）',
};

export const ACTOR_KIND_LABELS: Readonly<Record<AuditLogItem['actor']['kind'], string>> = {
  regulator: '监管人员',
  enterprise: '企业',
  anonymous: '未登录用户',
  system: '系统',
};
