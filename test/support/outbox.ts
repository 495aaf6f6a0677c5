/**
 * What a table's stream says was written to the outbox: every outbox INSERT since the stream's trim horizon,
 * read with the DynamoDB Streams API as the relay reads it — so a test can count the events a transaction
 * wrote without a Scan and without trusting the relay it is testing.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { outboxItem } from '../../functions/lib/events/outbox';
import { isOutboxInsert } from '../../functions/lib/events/outbox-record';
import type { Store } from '../../functions/store';
import type { EventContract, EventData } from '../../shared/events/contract';

export interface OutboxRecord {
  eventId: string;
  source: string;
  detailType: string;
  detail: { version: number; eventId: string; occurredAt: string; data: Record<string, unknown> };
  sk: string;
  expiresAt: number;
}

export async function outboxRecords(endpoint: string, tableName: string): Promise<OutboxRecord[]> {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const dynamodb = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  try {
    const arn = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table!.LatestStreamArn!;
    const found: OutboxRecord[] = [];
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards!;
    for (const shard of shards) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
        )
      ).ShardIterator;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const records = out.Records ?? [];
        for (const r of records.filter(isOutboxInsert)) {
          const image = r.dynamodb!.NewImage!;
          found.push({
            eventId: image.eventId!.S!,
            source: image.source!.S!,
            detailType: image.detailType!.S!,
            detail: JSON.parse(image.detail!.S!),
            sk: r.dynamodb!.Keys!.sk!.S!,
            expiresAt: Number(image.expiresAt!.N),
          });
        }
        // An open shard always gives a next iterator: stop at its end.
        iterator = records.length ? out.NextShardIterator : undefined;
      }
    }
    return found;
  } finally {
    dynamodb.destroy();
    streams.destroy();
  }
}

/**
 * Write events to the outbox as producers do — in transactions (of up to 25 events) — so they take the real
 * way out (stream → relay → bus → consumers). Follow with `stack.settle()` to wait for their delivery.
 */
export async function announce<C extends EventContract>(
  store: Store,
  contract: C,
  ...payloads: EventData<C>[]
): Promise<void> {
  for (let i = 0; i < payloads.length; i += 25) {
    const items = payloads.slice(i, i + 25).map((data) => outboxItem(store, contract, data));
    await store.client.send(new TransactWriteCommand({ TransactItems: items as never }));
  }
}
