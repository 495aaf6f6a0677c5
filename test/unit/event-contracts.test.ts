/**
 * The contract test of the platform's events (README: "How an event flows"): every event a producer builds —
 * with the producer's own builder — goes the way it goes in production (the outbox item, the stream record the
 * relay reads, the PutEvents entry it makes) and is then dispatched to every context that subscribes to it,
 * whose contract must accept it and whose consumer must receive exactly the payload the producer meant.
 * Beside that, the catalogue holds together: every subscribed event has a producer, every produced event a
 * contract in shared/events/, and every produced event a sample here.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient, PutEventsCommand, PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { importIdOf, importRequestedOf, type Regulator } from '../../functions/imports/start';
import type { TransactItem } from '../../functions/lib/audit';
import { contextHandler, type DomainEventEnvelope } from '../../functions/lib/dispatch';
import { outboxItem } from '../../functions/lib/events/outbox';
import type { StreamAttribute, StreamRecordLike } from '../../functions/lib/events/outbox-record';
import { relayRecords } from '../../functions/lib/events/relay';
import { eventPatternOf } from '../../functions/lib/wiring';
import { MANIFEST } from '../../functions/manifest';
import type { ChangeRequestRecord } from '../../functions/register/change-view';
import { decidedEvent } from '../../functions/register/decide';
import { createStore } from '../../functions/store';
import { EVENTS, type EventContract } from '../../shared/events';
import { RegisterImportBatchRequested, RegisterImportRequested } from '../../shared/events/imports';
import { NoticeSent } from '../../shared/events/notices';
import { ChangeRequestDecided } from '../../shared/events/register';
import { HazardConfirmed, HazardIssued, HazardReturned, RectificationSubmitted } from '../../shared/events/hazards';
import { WarningScanRequested, WarningsRaised } from '../../shared/events/warnings';
import { StaffCertificatesChanged } from '../../shared/events/enterprise';
import { eventBase } from '../../functions/hazards/writes';
import { inspectionHazardId, problemOf } from '../../functions/hazards/issue';
import type { HazardRecord } from '../../functions/hazards/record';
import { ctx } from '../support/events';
import { completedEvent } from '../../functions/inspections/completion';
import type { TaskRecord } from '../../functions/inspections/task-scope';
import { InspectionCompleted } from '../../shared/events/inspections';

const store = createStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'contract');
const silent = new Logger({ serviceName: 'contract-test', logLevel: 'SILENT' });

const request = (over: Partial<ChangeRequestRecord>): ChangeRequestRecord =>
  ({
    requestId: 'chg-20260301-abc',
    kind: 'create',
    status: 'pending',
    enterpriseId: 'ent-new-1',
    enterpriseName: '泉州市测试民爆器材有限公司',
    requestedBy: 'acct-clerk',
    ...over,
  }) as ChangeRequestRecord;

const inspectionTask = {
  taskId: 'tsk-0f1e2d3c',
  kind: 'random',
  title: '2026年第一季度双随机检查-泉州市测试化工有限公司',
  category: 'hazchem',
  department: 'anjian',
  regionCode: '3505',
  enterpriseId: 'ent-000001',
  enterpriseName: '泉州市测试化工有限公司',
} as TaskRecord;

const reviewer = (roles: string[], regionCode: string): Regulator =>
  ({
    kind: 'regulator',
    accountId: 'acct-admin',
    login: '13900000038',
    name: '系统管理员',
    roles,
    regionCode,
    categories: ['hazchem'],
    category: 'hazchem',
    department: 'anjian',
  }) as unknown as Regulator;

/** A hazard as the hazards context holds it (functions/hazards/issue.ts), for its events' samples. */
const hazard = (over: Partial<HazardRecord> = {}): HazardRecord => ({
  hazardId: inspectionHazardId('tsk-1', 3),
  name: '泉州市2026年危化品独立检查-泉州市测试化工有限公司',
  enterpriseId: 'ent-000001',
  enterpriseName: '泉州市测试化工有限公司',
  regionCode: '350503',
  enterpriseCategories: ['hazchem'],
  category: 'hazchem',
  problem: problemOf({ content: '储存场所设置明显的安全警示标志', description: '仓库门口无警示标志' }),
  deadline: '2026-03-08',
  responsibleDepartment: 'anjian',
  sendingDepartment: 'gongan',
  sourceKind: 'inspection',
  attachmentIds: [],
  status: 'issued',
  returnedCount: 0,
  sentAt: '2026-03-01T02:00:00.000Z',
  version: 1,
  ...over,
});

/** Every event the producers build, by the producers' own builders. */
const SAMPLES: { contract: EventContract; data: unknown }[] = [
  ...(['create', 'remove', 'correct', 'correct-licence'] as const).flatMap((kind) => [
    {
      contract: ChangeRequestDecided,
      data: decidedEvent({
        ...request({ kind }),
        status: 'approved',
        decidedAt: '2026-03-01T02:00:00.000Z',
        decidedByName: '李审核',
      }),
    },
    {
      contract: ChangeRequestDecided,
      data: decidedEvent({
        ...request({ kind }),
        status: 'rejected',
        decidedAt: '2026-03-01T02:00:00.000Z',
        decidedByName: '',
        decisionReason: '营业执照附件不清晰。',
      }),
    },
  ]),
  {
    contract: RegisterImportRequested,
    data: importRequestedOf(reviewer(['sys-admin'], '35'), importIdOf('att-1'), {
      sourceIp: '192.0.2.1',
      requestId: 'r',
    }),
  },
  {
    contract: RegisterImportRequested,
    data: importRequestedOf(reviewer(['dept-admin'], '350503'), importIdOf('att-2'), {
      sourceIp: '::1',
      requestId: 'r',
    }),
  },
  { contract: RegisterImportBatchRequested, data: { importId: importIdOf('att-1'), offset: 0 } },
  { contract: RegisterImportBatchRequested, data: { importId: importIdOf('att-1'), offset: 8000 } },
  {
    contract: NoticeSent,
    data: {
      noticeId: 'ntc-0b9f8c1e-2d3a-4f5b-8c7d-1e2f3a4b5c6d',
      department: 'anjian',
      receivers: ['gongan', 'jiaotong'],
      enterpriseId: 'ent-000001',
      enterpriseName: '泉州市测试化工有限公司',
      regionCode: '350503',
      categories: ['hazchem'],
      summary: '储存场所未按规定设置警示标志',
      sentBy: { accountId: 'reg-13900000028', name: '王检查' },
      sentAt: '2026-03-01T02:00:00.000Z',
    },
  },
  { contract: HazardIssued, data: { ...eventBase(hazard()), issuedAt: '2026-03-01T02:00:00.000Z' } },
  {
    contract: RectificationSubmitted,
    data: { ...eventBase(hazard({ status: 'submitted' })), submittedAt: '2026-03-02T02:00:00.000Z' },
  },
  {
    contract: HazardReturned,
    data: {
      ...eventBase(hazard({ returnedCount: 1, deadline: '2026-03-15' })),
      reason: '照片不清晰，请重新拍摄。',
      returnedByName: '李检查',
      returnedAt: '2026-03-03T02:00:00.000Z',
    },
  },
  {
    contract: HazardConfirmed,
    data: {
      ...eventBase(hazard({ status: 'confirmed', returnedCount: 1 })),
      confirmedByName: '',
      confirmedAt: '2026-03-04T02:00:00.000Z',
    },
  },
  {
    contract: WarningScanRequested,
    data: { runId: 'wsr-mixk2r0abc123def456', requestedAt: '2026-12-07T02:00:00.000Z' },
  },
  {
    contract: WarningsRaised,
    data: {
      runId: 'wsr-d20261207',
      day: '2026-12-07',
      groups: [
        { audience: { kind: 'enterprise', enterpriseId: 'ent-1' }, count: 11, warnings: [] },
        {
          audience: { kind: 'regulators', department: 'anjian', regionCode: '3501' },
          count: 1,
          warnings: [
            {
              warningId: 'licence:ent-1/lic-1',
              kind: 'licence',
              grade: 'orange',
              category: 'hazchem',
              enterpriseName: '福州某化工有限公司',
              subject: '危险化学品经营许可证（编号 AQ-1，有效期至 2026-12-20）',
              dueDate: '2026-12-20',
            },
          ],
        },
      ],
    },
  },
  {
    contract: StaffCertificatesChanged,
    data: {
      enterpriseId: 'ent-1',
      personId: 'psn-1',
      removed: false,
      changedAt: '2026-12-07T02:00:00.000Z',
      by: { accountId: 'acc-1', name: '企业用户' },
    },
  },
  ...[
    [],
    [{ seq: 2, result: 'unsatisfied' as const, description: '未建立出入库台账', attachmentIds: ['att-0123'] }],
  ].map((answers) => ({
    contract: InspectionCompleted,
    data: completedEvent(
      inspectionTask,
      [
        { seq: 1, stage: '储存', content: '专用仓库专人管理', basis: '《危险化学品安全管理条例》第二十四条' },
        { seq: 2, stage: '经营', content: '如实记录销售信息' },
      ],
      [{ seq: 1, result: 'satisfied' as const, attachmentIds: [] }, ...answers].map((a) => ({
        taskId: inspectionTask.taskId,
        registeredBy: { accountId: 'a', name: '甲' },
        registeredAt: '',
        version: 1,
        ...a,
      })),
      '2026-03-02T08:00:00.000Z',
      { accountId: 'reg-13900000028', name: '张检查' },
    ),
  })),
];

/** The stream record DynamoDB writes for an outbox Put (NEW_IMAGE): strings and numbers in attribute form. */
function streamRecordOf(item: TransactItem, seq: number): StreamRecordLike {
  const doc = (item as { Put: { Item: Record<string, unknown> } }).Put.Item;
  const image: Record<string, StreamAttribute> = {};
  for (const [k, v] of Object.entries(doc)) image[k] = typeof v === 'number' ? { N: String(v) } : { S: String(v) };
  return {
    eventName: 'INSERT',
    dynamodb: { Keys: { pk: image.pk!, sk: image.sk! }, NewImage: image, SequenceNumber: String(seq) },
  };
}

/** What the relay puts on the bus for these records (a recording client stands in for EventBridge). */
async function relayed(records: StreamRecordLike[]): Promise<PutEventsRequestEntry[]> {
  const put: PutEventsRequestEntry[] = [];
  const client = {
    send: async (cmd: PutEventsCommand) => {
      put.push(...(cmd.input.Entries ?? []));
      return { FailedEntryCount: 0, Entries: (cmd.input.Entries ?? []).map(() => ({ EventId: 'x' })) };
    },
  } as unknown as EventBridgeClient;
  const out = await relayRecords(records, { client, busName: 'bus', logger: silent });
  expect(out.batchItemFailures).toEqual([]);
  return put;
}

/** A context's handler whose consumers record what they receive (routes and jobs are never called). */
function recordingHandler(m: (typeof MANIFEST)[number], received: { name: string; data: unknown }[]) {
  return contextHandler(
    m,
    {
      routes: Object.fromEntries(m.routes.map((r) => [r.operationId, async () => ({ statusCode: 500 })])),
      consumers: Object.fromEntries(
        m.subscriptions.map((s) => [s.name, async (e) => void received.push({ name: s.name, data: e.detail.data })]),
      ),
      jobs: Object.fromEntries(m.schedules.map((s) => [s.name, async () => {}])),
    },
    silent,
  );
}

describe('event contracts', () => {
  it('every producer’s event, relayed from the outbox, passes every subscriber’s contract unchanged', async () => {
    const records = SAMPLES.map((s, i) => streamRecordOf(outboxItem(store, s.contract, s.data as never), i + 1));
    const entries = await relayed(records);
    expect(entries).toHaveLength(SAMPLES.length);
    let deliveries = 0;
    for (const [i, entry] of entries.entries()) {
      const { contract, data } = SAMPLES[i]!;
      expect([entry.Source, entry.DetailType]).toEqual([contract.source, contract.detailType]);
      const envelope: DomainEventEnvelope = {
        version: '0',
        id: `bus-${i}`,
        'detail-type': entry.DetailType!,
        source: entry.Source!,
        account: '0',
        time: '2026-03-01T02:00:00Z',
        region: 'x',
        resources: [],
        detail: JSON.parse(entry.Detail!),
      };
      const subscribers = MANIFEST.filter((m) =>
        m.subscriptions.some((s) => {
          const p = eventPatternOf(s);
          return p.source.includes(entry.Source!) && p['detail-type'].includes(entry.DetailType!);
        }),
      );
      expect(subscribers.length, `${contract.detailType} has no subscriber`).toBeGreaterThan(0);
      for (const m of subscribers) {
        const received: { name: string; data: unknown }[] = [];
        await recordingHandler(m, received)(envelope, ctx());
        expect(received.length, `${m.context} received ${contract.detailType}`).toBeGreaterThan(0);
        for (const r of received) expect(r.data).toEqual(contract.payload.parse(data));
        deliveries += received.length;
      }
    }
    expect(deliveries).toBeGreaterThanOrEqual(SAMPLES.length);
  });

  it('every subscribed event is produced by a context, every produced one is in the catalogue and sampled here', () => {
    const produced = MANIFEST.flatMap((m) => m.publishes ?? []);
    for (const m of MANIFEST) {
      for (const s of m.subscriptions) {
        for (const e of s.events) {
          expect(produced, `${m.context}.${s.name} waits for ${e.detailType}, which nobody publishes`).toContain(e);
          expect(EVENTS).toContain(e);
        }
      }
    }
    for (const e of produced) {
      expect(EVENTS, `${e.detailType} is not in shared/events/index.ts`).toContain(e);
      expect(
        SAMPLES.some((s) => s.contract === e),
        `${e.detailType} has no sample`,
      ).toBe(true);
    }
    const keys = EVENTS.map((e) => `${e.source} ${e.detailType} v${e.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a producer cannot write an event its contract refuses', () => {
    const bad = { ...(SAMPLES[0]!.data as object), decidedAt: 'yesterday' };
    expect(() => outboxItem(store, ChangeRequestDecided, bad as never)).toThrow();
    expect(() => outboxItem(store, RegisterImportBatchRequested, { importId: 'x', offset: -1 })).toThrow();
  });
});
