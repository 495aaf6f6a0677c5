/**
 * The partition keys each store entity writes, as IAM `dynamodb:LeadingKeys` patterns (StringLike: `*` is
 * any run of characters). The CDK turns a context's declared grants (entity names, functions/lib/wiring.ts)
 * into policies limited to these patterns (cdk/lib/table-access.ts); test/unit/partition-keys.test.ts
 * proves each pattern matches the keys ElectroDB really builds, so the two cannot drift.
 *
 * ElectroDB builds a partition key as `$<service>#<attribute>_<value>` from the lower-cased composite
 * attribute names and values — the entity's name is not in it. So entities keyed by the same attribute share
 * a pattern (the enterprise and its listings, licences, staff and products all sit under
 * `$hazmat#enterpriseid_…`): IAM can tell them apart only where their ids differ (`chg-` change requests,
 * `reg-` registrations), which is the granularity these grants have.
 */
import { SERVICE } from './service-name';

const key = (attribute: string, valuePrefix = '') => `$${SERVICE}#${attribute.toLowerCase()}_${valuePrefix}*`;

export const PARTITION_KEYS = {
  /** Composite-less partition: the key is the service alone. */
  scheduleRuns: [`$${SERVICE}`],
  seedRuns: [`$${SERVICE}`],
  enterprises: [key('enterpriseId')],
  enterpriseListings: [key('enterpriseId')],
  licences: [key('enterpriseId')],
  personnel: [key('enterpriseId')],
  products: [key('enterpriseId')],
  enterpriseCounters: [key('category')],
  creditCodeClaims: [key('creditCode')],
  changeRequests: [key('requestId', 'chg-')],
  changeRequestTasks: [key('requestId', 'chg-')],
  notifications: [key('recipient')],
  inboxCounters: [key('recipient')],
  attachments: [key('attachmentId')],
  importJobs: [key('importId')],
  accounts: [key('accountId')],
  loginClaims: [key('login')],
  accountCounters: [key('figure')],
  sessions: [key('sessionId')],
  loginGuards: [key('login')],
  rateWindows: [key('key')],
  captchas: [key('captchaId')],
  registrations: [key('requestId', 'reg-')],
  registrationTasks: [key('requestId', 'reg-')],
  registrationGuards: [key('login')],
  /** Written in a producer's transaction; read by the relay from the stream, never by a query. */
  outboxEvents: [key('eventId')],
  /** A unit's 开通通知, beside its register entry (the enterprise's own partition). */
  accountNotices: [key('enterpriseId')],
  /** Records (one partition per shard) and heads (one per chain). */
  audit: [key('auditShard'), key('auditChain')],
  /** An officer's 回避 and their tally: the officer's own partition (officerId = accountId). */
  officerConflicts: [key('officerId')],
  officerConflictTallies: [key('officerId')],
  /** A 专家库 entry and its 回避, in the expert's partition. */
  experts: [key('expertId', 'exp-')],
  expertConflicts: [key('expertId', 'exp-')],
  /** A checklist's header and versions share its partition; each revision's items have their own. */
  checklists: [key('checklistId', 'ckl-')],
  checklistVersions: [key('checklistId', 'ckl-')],
  checklistItems: [key('checklistId', 'ckl-')],
  /** A notice and its list rows share the notice's partition. */
  notices: [key('noticeId', 'ntc-')],
  noticeListings: [key('noticeId', 'ntc-')],
  /** An enterprise's own 自纠自查 register, beside its register entry. */
  selfInspections: [key('enterpriseId')],
  /** A task, its team's member rows, its joint departments' rows (and H4's answers) share the task's partition. */
  inspectionTasks: [key('taskId')],
  inspectionTaskMembers: [key('taskId')],
  inspectionJointDepartments: [key('taskId')],
  inspectionDraws: [key('drawId')],
  inspectionBurdens: [key('inspectedEnterpriseId')],
  /** 登记, 一公开: in the inspection task's own partition. */
  inspectionAnswers: [key('taskId')],
  inspectionResults: [key('taskId')],
  inspectionResultNames: [key('taskId')],
  inspectionPublicationDue: [key('taskId')],
  /** A hazard, its list rows and its 整改记录 share its partition (`hz-` ids). */
  hazards: [key('hazardId', 'hz-')],
  hazardListings: [key('hazardId', 'hz-')],
  hazardSteps: [key('hazardId', 'hz-')],
  /**
   * The 首页's yearly counters: one partition per category × year (`…#statscategory_<c>#year_<y>`), apart from the
   * register's counters, so the contexts that ADD to them may not write those.
   */
  statsCounters: [key('statsCategory')],
  /** 仓库 in the enterprise's partition; a warehouse's stock lines and movements under enterprise × warehouse. */
  warehouses: [key('enterpriseId')],
  stockLines: [key('enterpriseId')],
  stockMovements: [key('enterpriseId')],
  /** One partition per outbound to another enterprise (`shp-` ids). */
  shipments: [key('shipmentId', 'shp-')],
  /** One partition per code: its chain of custody. */
  custodyEvents: [key('code')],
  /** 仓库人员, in the enterprise's partition beside the warehouse. */
  warehouseKeepers: [key('enterpriseId')],
  /** A waybill, its kept revisions and its list rows share its partition (`wb-` ids). */
  waybills: [key('waybillId', 'wb-')],
  waybillRevisions: [key('waybillId', 'wb-')],
  waybillListings: [key('waybillId', 'wb-')],
  /** 物品流向 counters: one partition per category. */
  flowCounters: [key('flowCategory')],
  /** A warning, its list rows and its history share its partition (ids `<kind>:<sourceKey>`). */
  warnings: [key('warningId')],
  warningListings: [key('warningId')],
  warningSteps: [key('warningId')],
  /** One partition per category × region. */
  warningCounters: [key('warningCategory')],
  /** One partition per kind: the open warnings' ids by due day. */
  warningOpenSets: [key('openKind')],
  warningScanRuns: [key('runId', 'wsr-')],
} as const satisfies Record<string, readonly string[]>;

export type StoreEntity = keyof typeof PARTITION_KEYS;

/**
 * Entities read through a secondary index (gsi1–3, due): a context declaring one of them may Query the
 * table's indexes. test/unit/partition-keys.test.ts checks the list against the entities' schemas.
 */
export const INDEXED_ENTITIES: readonly StoreEntity[] = [
  'enterprises',
  'enterpriseListings',
  'licences',
  'personnel',
  'changeRequests',
  'changeRequestTasks',
  'importJobs',
  'accounts',
  'sessions',
  'registrationTasks',
  'accountNotices',
  'audit',
  'experts',
  'checklists',
  'noticeListings',
  'inspectionTasks',
  'inspectionTaskMembers',
  'inspectionJointDepartments',
  'inspectionResults',
  'inspectionResultNames',
  'inspectionPublicationDue',
  'hazards',
  'hazardListings',
  'shipments',
  'warehouseKeepers',
  'waybillListings',
  'warnings',
  'warningListings',
  'warningScanRuns',
];

/** The entity no one may update or delete: records and heads are only put (conditionally). */
export const AUDIT_ENTITY = 'audit' satisfies StoreEntity;

/** IAM StringLike semantics (`*` any run, `?` one character), for tests and checks. */
export function matchesPattern(value: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}
