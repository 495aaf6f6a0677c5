/**
 * 大数据预警's list routes (issue 12 §3), in the `warnings` context's manifest: the four lists, 查看, 修改 of a
 * certificate's dates and 关闭预警. Reads are for regulators who do business (检查人员, 审核人员; no admin role: the
 * admins administer the platform, they don't supervise enterprises); 修改 and 关闭预警 are the 检查人员's (the seed has
 * the 监管人员 do them). Which warnings a caller sees is decided in warning-view.ts.
 */
import {
  CertificateFixInput,
  WarningCloseInput,
  WarningDetail,
  WarningKindParams,
  WarningListQuery,
  WarningPage,
  WarningRefParams,
} from '../../shared/api/warnings';
import { defineRoute } from '../lib/wiring';

const READERS = { kind: 'regulator', roles: ['inspector', 'reviewer'], business: true } as const;
const INSPECTORS = { kind: 'regulator', roles: ['inspector'], business: true } as const;

export const listWarnings = defineRoute({
  operationId: 'listWarnings',
  method: 'GET',
  path: '/api/warnings/{kind}',
  public: false,
  access: READERS,
  readOnly: true,
  summary: '大数据预警：企业资质 / 人员资质 / 企业隐患整改 / 物品流向预警列表（本辖区、本物品类别，未消除的）',
  tags: ['warnings'],
  params: WarningKindParams,
  query: WarningListQuery,
  response: WarningPage,
});

export const getWarning = defineRoute({
  operationId: 'getWarning',
  method: 'GET',
  path: '/api/warnings/item/{warningRef}',
  public: false,
  access: READERS,
  readOnly: true,
  summary: '大数据预警 › 查看：一条预警及其记录（产生、等级变化、消除 / 关闭）',
  tags: ['warnings'],
  params: WarningRefParams,
  response: WarningDetail,
});

export const fixWarningCertificate = defineRoute({
  operationId: 'fixWarningCertificate',
  method: 'POST',
  path: '/api/warnings/item/{warningRef}/certificate',
  public: false,
  access: INSPECTORS,
  summary: '企业资质预警 / 人员资质预警 › 修改：按证书实际情况修改有效期，预警随之消除',
  tags: ['warnings'],
  params: WarningRefParams,
  body: CertificateFixInput,
  response: WarningDetail,
});

export const closeWarning = defineRoute({
  operationId: 'closeWarning',
  method: 'POST',
  path: '/api/warnings/item/{warningRef}/close',
  public: false,
  access: INSPECTORS,
  summary: '物品流向预警 › 关闭预警：填写关闭理由',
  tags: ['warnings'],
  params: WarningRefParams,
  body: WarningCloseInput,
  response: WarningDetail,
});

/** For the manifest's `routes` (their implementations: list-handlers.ts, which only the handler imports). */
export const WARNING_LIST_ROUTES = [listWarnings, getWarning, fixWarningCertificate, closeWarning] as const;
