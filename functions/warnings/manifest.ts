import { ScanRun, ScanRunPage, ScanRunParams, ScanRunQuery } from '../../shared/api/warning-scans';
import { StaffCertificatesChanged } from '../../shared/events/enterprise';
import { HazardConfirmed } from '../../shared/events/hazards';
import { ChangeRequestDecided } from '../../shared/events/register';
import { WarningScanRequested, WarningsRaised } from '../../shared/events/warnings';
import { defineContext, defineRoute } from '../lib/wiring';
import { WARNING_LIST_ROUTES } from './list-routes';

/**
 * 大数据预警 (issue 12): the daily scan that raises, regrades and clears warnings from the sparse `due` index,
 * clearing at once on the events that remove a cause, and the 系统管理员's 预警扫描 (run now, follow, list).
 * The lists, 修改 and 关闭预警 (warnui) add their routes here too.
 */
const SYS_ADMIN = { kind: 'regulator', roles: ['sys-admin'] } as const;

export const startWarningScan = defineRoute({
  operationId: 'startWarningScan',
  method: 'POST',
  path: '/api/warnings/scans',
  public: false,
  access: SYS_ADMIN,
  summary: '系统管理 › 预警扫描：立即扫描（异步，返回扫描记录，凭编号查看进度）',
  tags: ['warnings'],
  response: ScanRun,
  successStatus: 202,
});

export const listWarningScans = defineRoute({
  operationId: 'listWarningScans',
  method: 'GET',
  path: '/api/warnings/scans',
  public: false,
  access: SYS_ADMIN,
  readOnly: true,
  summary: '系统管理 › 预警扫描：扫描记录（开始时间、读取条数、新增、变更等级、消除、用时、状态），从新到旧',
  tags: ['warnings'],
  query: ScanRunQuery,
  response: ScanRunPage,
});

export const getWarningScan = defineRoute({
  operationId: 'getWarningScan',
  method: 'GET',
  path: '/api/warnings/scans/{runId}',
  public: false,
  access: SYS_ADMIN,
  readOnly: true,
  summary: '系统管理 › 预警扫描：一次扫描的进度',
  tags: ['warnings'],
  params: ScanRunParams,
  response: ScanRun,
});

export const warningsManifest = defineContext({
  context: 'warnings',
  entry: 'functions/warnings/handler.ts',
  description:
    '大数据预警: the daily scan (raise, regrade, clear), clearing on events, scan runs, the lists, 修改, 关闭预警',
  routes: [startWarningScan, listWarningScans, getWarningScan, ...WARNING_LIST_ROUTES],
  subscriptions: [
    {
      name: 'scanRequested',
      events: [WarningScanRequested],
      description: '系统管理员“立即扫描”：执行一次预警扫描，边扫边记录进度',
    },
    {
      name: 'changeRequestDecided',
      events: [ChangeRequestDecided],
      description: '企业信息或证书信息纠正、删除企业审核通过：立即重新评估该企业的企业资质预警（资质已更新则消除）',
    },
    {
      name: 'staffCertificatesChanged',
      events: [StaffCertificatesChanged],
      description: '从业人员证书变更或人员删除：立即重新评估该人员的人员资质预警',
    },
    {
      name: 'hazardConfirmed',
      events: [HazardConfirmed],
      description: '隐患确认已整改：立即消除其企业隐患整改预警',
    },
  ],
  schedules: [
    {
      name: 'scan',
      description: '每日 01:00 预警扫描：按到期日查询 due 索引，新增、变更等级、消除预警',
      hour: 1,
      minute: 0,
      timeZone: 'Asia/Shanghai',
    },
  ],
  publishes: [WarningScanRequested, WarningsRaised],
  grants: {
    table: {
      write: [
        'warnings',
        'warningListings',
        'warningSteps',
        'warningCounters',
        'warningOpenSets',
        'warningScanRuns',
        'outboxEvents',
        'audit',
        // 修改 (list-routes.ts): the licence through the register's writer, or the person's item.
        'licences',
        'enterprises',
        'enterpriseListings',
        'enterpriseCounters',
        'creditCodeClaims',
        'personnel',
        // 修改 of a warehouse 保管员's certificate (lib/register/keepers.ts).
        'warehouseKeepers',
      ],
      read: ['hazards', 'sessions'],
    },
  },
  memoryMb: 1024,
});
