/**
 * The whole platform on one machine, no cloud account: DynamoDB Local, s3rver, the in-process event bus fed by
 * the outbox relay reading the table's stream, the handlers, the scheduler and the local gateway — wired from
 * the same manifest and table definition as the CDK stack. `npm start`, the browser tests and the bench all
 * start it through this one function.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ENV } from '../lib/env-names';
import { MANIFEST } from '../manifest';
import { ensureTable } from '../store/provision';
import { startDynamoLocal, type DynamoLocal } from './dynamodb-local';
import { startLocalBus, type LocalBus } from './event-bus';
import { assertPortFree } from './ports';
import { loadHandlers } from './functions';
import { startGateway, type Gateway } from './gateway';
import { startS3Local, type S3Local } from './s3-local';
import { startScheduler, type LocalScheduler } from './scheduler';
import { startStreamRelay, type StreamRelay } from './stream-relay';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const LOCAL_NAMES = {
  table: 'hazmat-local',
  bucket: 'hazmat-attachments-local',
  /** No Object Lock in s3rver (README, "Emulators' limits"). */
  auditAnchorBucket: 'hazmat-audit-anchors-local',
  bus: 'hazmat-local',
  region: 'us-east-1',
} as const;

export interface LocalStackOptions {
  /** Where DynamoDB Local and s3rver keep data; omitted → DynamoDB in memory and a throw-away S3 folder. */
  dataDir?: string;
  port: number;
  dynamoPort: number;
  s3Port: number;
  busPort: number;
  /** Listen address of the gateway; 127.0.0.1 unless told otherwise. */
  host?: string;
  siteDir?: string;
  log?: (line: string) => void;
}

export interface LocalStack {
  url: string;
  dynamo: DynamoLocal;
  s3: S3Local;
  bus: LocalBus;
  /** The outbox relay: the table's stream → the bus. */
  relay: StreamRelay;
  gateway: Gateway;
  scheduler: LocalScheduler;
  /** A DynamoDB client on the same endpoint, for seeding and measuring. */
  dynamodb: DynamoDBClient;
  tableCreated: boolean;
  /**
   * Resolves when every event committed so far has been relayed and delivered, and whatever those deliveries
   * committed in turn (an import's next batch) too: what a test waits for after an action that announces itself.
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Point the SDK clients (created when the handlers load) at the emulators. */
function setEnvironment(o: {
  dynamo: string;
  s3: string;
  bus: string;
  siteOrigin: string;
  originSecret: string;
}): void {
  Object.assign(process.env, {
    [ENV.tableName]: LOCAL_NAMES.table,
    [ENV.bucketName]: LOCAL_NAMES.bucket,
    [ENV.auditAnchorBucket]: LOCAL_NAMES.auditAnchorBucket,
    [ENV.eventBusName]: LOCAL_NAMES.bus,
    [ENV.dynamodbEndpoint]: o.dynamo,
    [ENV.s3Endpoint]: o.s3,
    [ENV.eventsEndpoint]: o.bus,
    [ENV.siteOrigin]: o.siteOrigin,
    [ENV.originSecret]: o.originSecret,
    [ENV.appVersion]: process.env[ENV.appVersion] ?? 'local',
    [ENV.logLevel]: process.env[ENV.logLevel] ?? 'WARN',
    AWS_REGION: LOCAL_NAMES.region,
    // s3rver accepts only this key pair; DynamoDB Local (-sharedDb) and the local bus accept any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const siteOrigin = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${opts.port}`;
  const started: { stop(): Promise<void> | void }[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop();
  };
  try {
    // Check every port first, so a taken one is reported before anything is started.
    await assertPortFree(opts.port, '本地网关', 'PORT');
    await assertPortFree(opts.s3Port, 's3rver', 'S3_PORT');
    await assertPortFree(opts.busPort, '本地事件总线', 'EVENTS_PORT');
    const dynamo = await startDynamoLocal({
      port: opts.dynamoPort,
      ...(opts.dataDir ? { dbPath: path.join(opts.dataDir, 'dynamodb') } : {}),
    });
    started.push(dynamo);
    const s3Dir = opts.dataDir ? path.join(opts.dataDir, 's3') : fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-s3-'));
    if (!opts.dataDir) started.push({ stop: () => fs.rmSync(s3Dir, { recursive: true, force: true }) });
    const s3 = await startS3Local({
      port: opts.s3Port,
      directory: s3Dir,
      bucket: LOCAL_NAMES.bucket,
      otherBuckets: [LOCAL_NAMES.auditAnchorBucket],
      siteOrigin,
    });
    started.push(s3);
    // What CloudFront's origin header carries in the cloud: only the gateway knows it, so only requests
    // through the gateway reach the functions.
    const originSecret = randomBytes(32).toString('base64url');
    setEnvironment({
      dynamo: dynamo.endpoint,
      s3: s3.endpoint,
      bus: `http://127.0.0.1:${opts.busPort}`,
      siteOrigin,
      originSecret,
    });

    const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_NAMES.region });
    started.push({ stop: () => dynamodb.destroy() });
    const tableCreated = await ensureTable(dynamodb, LOCAL_NAMES.table);

    const handlers = await loadHandlers(MANIFEST, REPO_ROOT);
    const bus = await startLocalBus({
      port: opts.busPort,
      busName: LOCAL_NAMES.bus,
      manifest: MANIFEST,
      handlers,
      log,
    });
    started.push({ stop: () => bus.close() });
    const events = new EventBridgeClient({
      endpoint: bus.endpoint,
      region: LOCAL_NAMES.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    started.push({ stop: () => events.destroy() });
    const relay = await startStreamRelay({
      endpoint: dynamo.endpoint,
      tableName: LOCAL_NAMES.table,
      events,
      busName: LOCAL_NAMES.bus,
      log,
    });
    started.push(relay);
    const scheduler = startScheduler({ manifest: MANIFEST, handlers, log });
    started.push(scheduler);
    const gateway = await startGateway({
      port: opts.port,
      host,
      siteDir: opts.siteDir ?? path.join(REPO_ROOT, 'web', 'build'),
      manifest: MANIFEST,
      handlers,
      originSecret,
      log,
    });
    started.push({ stop: () => gateway.close() });
    return {
      url: siteOrigin,
      dynamo,
      s3,
      bus,
      relay,
      gateway,
      scheduler,
      dynamodb,
      tableCreated,
      settle: async () => {
        for (;;) {
          const before = relay.published + bus.deliveries.length;
          await relay.catchUp();
          await bus.drain();
          if (relay.published + bus.deliveries.length === before) return;
        }
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
