/**
 * The outbox relay, locally: DynamoDB Local has streams but no Lambda event-source mappings, so this polls the
 * table's stream the way the mapping does in the cloud — DescribeStream for the shards, GetShardIterator, then
 * GetRecords on each open shard — and hands each page of records to the very code the relay Lambda runs
 * (functions/lib/events/relay.ts), which filters the outbox INSERTs and puts them on the local bus.
 *
 * As in the cloud: a shard's records go in order; when the relay reports a failure, the shard is read again
 * from that record after a back-off (no record is skipped); a closed shard (no next iterator — a shard rolls
 * over) sends the poller back to DescribeStream for its children, which are read only after their parent.
 * Positions are kept in memory: a restarted runtime reads the stream from its trim horizon again (up to
 * 24 hours), which re-delivers what it had delivered — consumers are idempotent, as they must be anyway.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetShardIteratorCommandInput,
} from '@aws-sdk/client-dynamodb-streams';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { relayRecords } from '../lib/events/relay';

export interface StreamRelay {
  /**
   * Resolves once a full pass over the stream, begun after the call, found nothing new: everything committed
   * before the call has been put on the bus (delivery to consumers is the bus's business — see LocalBus.drain).
   */
  catchUp(): Promise<void>;
  /** Events put on the bus so far. */
  readonly published: number;
  /** Times a page of records was handed back to be read again (a failed PutEvents, say). */
  readonly retries: number;
  stop(): Promise<void>;
}

export interface StreamRelayOptions {
  /** DynamoDB Local's endpoint (its streams are served on the same one). */
  endpoint: string;
  tableName: string;
  /** The client that puts events on the bus: the local bus's endpoint (a test may pass a faulty one). */
  events: EventBridgeClient;
  busName: string;
  /**
   * Longest pause between passes that found nothing: the pause starts short and doubles while the stream stays
   * quiet, so an idle runtime (or a bench run) isn't polling DynamoDB Local ten times a second. `catchUp()`
   * skips the pause.
   */
  maxIdleMs?: number;
  log?: (line: string) => void;
}

type Resume = { type: 'TRIM_HORIZON' } | { type: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER'; seq: string };

interface Shard {
  id: string;
  parent?: string;
  iterator?: string;
  /** Where to start when the iterator has to be fetched (again). */
  resume: Resume;
  closed: boolean;
  failures: number;
  retryAt?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How often open shards are looked for even when none closed (the cloud opens new ones every few hours). */
const DISCOVERY_MS = 5_000;
const MAX_BACKOFF_MS = 5_000;

export async function startStreamRelay(opts: StreamRelayOptions): Promise<StreamRelay> {
  const log = opts.log ?? (() => {});
  const maxIdleMs = opts.maxIdleMs ?? 500;
  let idleMs = 25;
  // DynamoDB Local (-sharedDb) takes any region and key.
  const client = {
    endpoint: opts.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const dynamodb = new DynamoDBClient(client);
  let streamArn: string | undefined;
  try {
    streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName: opts.tableName }))).Table?.LatestStreamArn;
  } finally {
    dynamodb.destroy();
  }
  if (!streamArn) throw new Error(`table ${opts.tableName} has no stream: the outbox relay needs one`);
  const streams = new DynamoDBStreamsClient(client);
  const logger = {
    info: () => {},
    error: (message: unknown, ...extra: unknown[]) => log(`outbox relay: ${String(message)} ${JSON.stringify(extra)}`),
  };

  const shards = new Map<string, Shard>();
  let nextDiscovery = 0;
  let published = 0;
  let retries = 0;

  async function discover(): Promise<void> {
    let start: string | undefined;
    do {
      const out = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      for (const s of out.StreamDescription?.Shards ?? []) {
        if (!s.ShardId || shards.has(s.ShardId)) continue;
        shards.set(s.ShardId, {
          id: s.ShardId,
          ...(s.ParentShardId ? { parent: s.ParentShardId } : {}),
          resume: { type: 'TRIM_HORIZON' },
          closed: false,
          failures: 0,
        });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    nextDiscovery = Date.now() + DISCOVERY_MS;
  }

  async function iteratorOf(shard: Shard): Promise<string | undefined> {
    const input: GetShardIteratorCommandInput = {
      StreamArn: streamArn,
      ShardId: shard.id,
      ShardIteratorType: shard.resume.type,
      ...(shard.resume.type === 'TRIM_HORIZON' ? {} : { SequenceNumber: shard.resume.seq }),
    };
    return (await streams.send(new GetShardIteratorCommand(input))).ShardIterator;
  }

  /**
   * One pass over the open shards: `idle` when none had anything new, `waiting` when the only thing left is a
   * shard waiting out its back-off, `busy` otherwise.
   */
  async function pass(): Promise<'idle' | 'waiting' | 'busy'> {
    if (Date.now() >= nextDiscovery) await discover();
    let idle = true;
    let waiting = false;
    for (const shard of shards.values()) {
      if (shard.closed) continue;
      // A child shard's records come after its parent's: read it once the parent is done (or gone).
      if (shard.parent && shards.get(shard.parent)?.closed === false) continue;
      if (shard.retryAt !== undefined && Date.now() < shard.retryAt) {
        waiting = true;
        continue;
      }
      shard.iterator ??= await iteratorOf(shard);
      if (!shard.iterator) {
        shard.closed = true;
        continue;
      }
      let out;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException') {
          // Fetch a new iterator where we were; records trimmed meanwhile are past reading anyway.
          if (name === 'TrimmedDataAccessException') shard.resume = { type: 'TRIM_HORIZON' };
          delete shard.iterator;
          idle = false;
          continue;
        }
        throw err;
      }
      const records = out.Records ?? [];
      if (records.length) {
        idle = false;
        const result = await relayRecords(records, { client: opts.events, busName: opts.busName, logger });
        published += result.published;
        const failed = result.batchItemFailures[0]?.itemIdentifier;
        if (failed) {
          // Read the shard again from the first record not delivered, after a back-off.
          shard.resume = { type: 'AT_SEQUENCE_NUMBER', seq: failed };
          delete shard.iterator;
          shard.failures++;
          shard.retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, 50 * 2 ** shard.failures);
          retries++;
          log(`outbox relay: delivery failed, retrying shard ${shard.id} from ${failed}`);
          continue;
        }
        shard.failures = 0;
        delete shard.retryAt;
        shard.resume = { type: 'AFTER_SEQUENCE_NUMBER', seq: records.at(-1)!.dynamodb!.SequenceNumber! };
      }
      if (out.NextShardIterator) {
        shard.iterator = out.NextShardIterator;
      } else {
        // The shard rolled over: its children (if any) are found by the next DescribeStream.
        shard.closed = true;
        delete shard.iterator;
        nextDiscovery = 0;
        idle = false;
      }
    }
    return !idle ? 'busy' : waiting ? 'waiting' : 'idle';
  }

  let stopped = false;
  let passes = 0;
  let wake: (() => void) | undefined;
  const waiters: { after: number; resolve: () => void }[] = [];

  const loop = (async () => {
    while (!stopped) {
      const number = ++passes;
      let state;
      try {
        state = await pass();
      } catch (err) {
        if (stopped) break;
        log(`outbox relay: reading the stream failed: ${(err as Error).message}`);
        await sleep(500);
        continue;
      }
      if (state === 'busy') idleMs = 25;
      // A shard in back-off: wait a little rather than spin (its retry time is checked on the next pass).
      if (state === 'waiting') await sleep(25);
      if (state === 'idle') {
        idleMs = Math.min(maxIdleMs, idleMs * 2);
        for (const w of waiters.splice(0)) {
          if (w.after < number) w.resolve();
          else waiters.push(w);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  })();

  return {
    catchUp: () =>
      new Promise<void>((resolve) => {
        // Only a pass that begins after this call counts.
        waiters.push({ after: passes, resolve });
        wake?.();
      }),
    get published() {
      return published;
    },
    get retries() {
      return retries;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      for (const w of waiters.splice(0)) w.resolve();
      streams.destroy();
    },
  };
}
