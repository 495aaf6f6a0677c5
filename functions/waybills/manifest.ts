import {
  ChainQuery,
  ChainView,
  FlowChart,
  FlowChartQuery,
  FlowQuery,
  OwnWaybillQuery,
  PartyLookup,
  PartyLookupQuery,
  PublicWaybillView,
  SignWarehouses,
  WaybillCorrectionInput,
  WaybillDetail,
  WaybillIdParams,
  WaybillInput,
  WaybillMoveInput,
  WaybillPage,
  WaybillRevisionPage,
  WaybillRevisionParams,
  WaybillSignInput,
} from '../../shared/api/waybills';
import { defineContext, defineRoute } from '../lib/wiring';
import * as z from 'zod/mini';

/**
 * 电子托运单 (issue 13 §4–§7): the shipper writes and moves its waybills, the receiver signs (and so books its 入库),
 * regulators read them (物品流向) and a code's chain of custody (溯源管理); the daily three-way reconciliation of
 * outbounds ↔ waybills ↔ inbounds raises and clears 物品流向预警. Who may see a waybill: functions/waybills/record.ts.
 */
const ENTERPRISE = { kind: 'enterprise' } as const;
const REGULATORS = { kind: 'regulator' } as const;
const RevisionQuery = z.object({
  cursor: OwnWaybillQuery.shape.cursor,
  limit: OwnWaybillQuery.shape.limit,
});

export const createWaybill = defineRoute({
  operationId: 'createWaybill',
  method: 'POST',
  path: '/api/waybills',
  public: false,
  access: ENTERPRISE,
  summary: '电子托运单 › 新增：保存为草稿（承运人、驾驶员、押运员的资质按起运日期核验）',
  tags: ['waybills'],
  body: WaybillInput,
  response: WaybillDetail,
  successStatus: 201,
});

export const listOwnWaybills = defineRoute({
  operationId: 'listOwnWaybills',
  method: 'GET',
  path: '/api/waybills',
  public: false,
  access: ENTERPRISE,
  readOnly: true,
  summary: '电子托运单：本企业托运的（side=shipper）或收货的（side=receiver），从新到旧',
  tags: ['waybills'],
  query: OwnWaybillQuery,
  response: WaybillPage,
});

export const lookupParty = defineRoute({
  operationId: 'lookupParty',
  method: 'GET',
  path: '/api/waybills/parties',
  public: false,
  access: ENTERPRISE,
  readOnly: true,
  summary: '新增电子托运单：按统一社会信用代码查找收货单位或承运人（承运人附可选的驾驶员、押运员）',
  tags: ['waybills'],
  query: PartyLookupQuery,
  response: PartyLookup,
});

export const listFlows = defineRoute({
  operationId: 'listFlows',
  method: 'GET',
  path: '/api/waybills/flows',
  public: false,
  access: REGULATORS,
  readOnly: true,
  summary: '物品流向：起运地或目的地在本辖区的该类物品托运单',
  tags: ['waybills'],
  query: FlowQuery,
  response: WaybillPage,
});

export const getFlowChart = defineRoute({
  operationId: 'getFlowChart',
  method: 'GET',
  path: '/api/waybills/flows/chart',
  public: false,
  access: REGULATORS,
  readOnly: true,
  summary: '物品流向：地区之间的流向（省级按设区市，市县按县区）',
  tags: ['waybills'],
  query: FlowChartQuery,
  response: FlowChart,
});

export const getChain = defineRoute({
  operationId: 'getChain',
  method: 'GET',
  path: '/api/waybills/chain',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '溯源管理：一个编码（雷管编码、箱码、放射源编码）的流转记录——生产、出库、运输、入库、使用或清退',
  tags: ['waybills'],
  query: ChainQuery,
  response: ChainView,
});

export const getWaybill = defineRoute({
  operationId: 'getWaybill',
  method: 'GET',
  path: '/api/waybills/{waybillId}',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '电子托运单：详情',
  tags: ['waybills'],
  params: WaybillIdParams,
  response: WaybillDetail,
});

export const listWaybillRevisions = defineRoute({
  operationId: 'listWaybillRevisions',
  method: 'GET',
  path: '/api/waybills/{waybillId}/revisions',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '电子托运单：更正前的历史版本',
  tags: ['waybills'],
  params: WaybillIdParams,
  query: RevisionQuery,
  response: WaybillRevisionPage,
});

export const getWaybillRevision = defineRoute({
  operationId: 'getWaybillRevision',
  method: 'GET',
  path: '/api/waybills/{waybillId}/revisions/{revision}',
  public: false,
  access: { kind: 'any' },
  readOnly: true,
  summary: '电子托运单：某一历史版本（只读）',
  tags: ['waybills'],
  params: WaybillRevisionParams,
  response: WaybillDetail,
});

export const correctWaybill = defineRoute({
  operationId: 'correctWaybill',
  method: 'PUT',
  path: '/api/waybills/{waybillId}',
  public: false,
  access: ENTERPRISE,
  summary: '电子托运单 › 修改 / 更正：保存为新版本，原版本保留可查（签收或作废后不能更正）',
  tags: ['waybills'],
  params: WaybillIdParams,
  body: WaybillCorrectionInput,
  response: WaybillDetail,
});

const move = <const O extends string>(operationId: O, path: string, summary: string) =>
  defineRoute({
    operationId,
    method: 'POST',
    path: `/api/waybills/{waybillId}/${path}`,
    public: false,
    access: ENTERPRISE,
    summary,
    tags: ['waybills'],
    params: WaybillIdParams,
    body: WaybillMoveInput,
    response: WaybillDetail,
  });

export const submitWaybill = move('submitWaybill', 'submit', '电子托运单 › 提交（草稿 → 已提交），资质再次核验');
export const departWaybill = move('departWaybill', 'depart', '电子托运单 › 发车（已提交 → 运输中）');
export const arriveWaybill = move('arriveWaybill', 'arrive', '电子托运单 › 到达（运输中 → 已到达）');
export const voidWaybill = move('voidWaybill', 'void', '电子托运单 › 作废（发车前，须填写原因）');

export const signWaybill = defineRoute({
  operationId: 'signWaybill',
  method: 'POST',
  path: '/api/waybills/{waybillId}/sign',
  public: false,
  access: ENTERPRISE,
  summary: '电子托运单 › 签收（收货单位）：同一事务中按实收数量入库到所选仓库',
  tags: ['waybills'],
  params: WaybillIdParams,
  body: WaybillSignInput,
  response: WaybillDetail,
});

export const listSignWarehouses = defineRoute({
  operationId: 'listSignWarehouses',
  method: 'GET',
  path: '/api/waybills/{waybillId}/warehouses',
  public: false,
  access: ENTERPRISE,
  readOnly: true,
  summary: '电子托运单 › 签收：收货单位可选的入库仓库',
  tags: ['waybills'],
  params: WaybillIdParams,
  response: SignWarehouses,
});

export const getPublicWaybill = defineRoute({
  operationId: 'getPublicWaybill',
  method: 'GET',
  path: '/api/public/waybills/{waybillId}',
  public: true,
  summary: '托运单核验（打印件上的二维码）：只显示状态和货物类别，不含人员、电话和数量',
  tags: ['waybills'],
  params: WaybillIdParams,
  response: PublicWaybillView,
});

export const waybillsManifest = defineContext({
  context: 'waybills',
  entry: 'functions/waybills/handler.ts',
  description: 'waybills (电子托运单): lifecycle, signing into the ledger, flows, chain of custody, reconciliation',
  routes: [
    createWaybill,
    listOwnWaybills,
    lookupParty,
    listFlows,
    getFlowChart,
    getChain,
    getWaybill,
    listWaybillRevisions,
    getWaybillRevision,
    correctWaybill,
    submitWaybill,
    departWaybill,
    arriveWaybill,
    voidWaybill,
    signWaybill,
    listSignWarehouses,
    getPublicWaybill,
  ],
  subscriptions: [],
  schedules: [
    {
      name: 'reconcileShipments',
      description:
        '每日 01:30 三方核对：出库 ↔ 托运单 ↔ 收货入库；3 天未闭合或数量不符的发物品流向预警，闭合的关闭出库跟踪',
      hour: 1,
      minute: 30,
      timeZone: 'Asia/Shanghai',
    },
  ],
  publishes: [],
  grants: {
    table: {
      write: [
        'waybills',
        'waybillRevisions',
        'waybillListings',
        'flowCounters',
        // 签收 books the receiver's 入库 (E's kernel) and the shipment records its waybill / is closed.
        'shipments',
        'stockLines',
        'stockMovements',
        'custodyEvents',
        // 流向未闭合 / 流向数量差异 raised and cleared through B's kernel.
        'warnings',
        'warningListings',
        'warningSteps',
        'warningCounters',
        'warningOpenSets',
        'audit',
      ],
      read: ['enterprises', 'licences', 'personnel', 'warehouses', 'sessions'],
    },
  },
});
