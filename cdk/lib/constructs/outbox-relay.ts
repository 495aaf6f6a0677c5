/**
 * The outbox relay (README: "How an event flows"): the table's stream → a stream-consumer Lambda → the domain
 * event bus. The event-source mapping hands the function only outbox INSERTs (the filter is declared once, in
 * functions/lib/events/outbox-record.ts, and applied by the relay's code too), in batches it may answer in part:
 * the function reports the first record it could not put, Lambda retries from there, splitting a failing batch
 * in two to corner a record that keeps failing; what still fails after an hour lands on the relay's own
 * dead-letter queue (the record's place in the stream — the outbox item itself stays in the table until its TTL).
 *
 * A Lambda rather than EventBridge Pipes: the relay's code is the same in the cloud and in the local runtime
 * (functions/local/stream-relay.ts) and is tested as such; the outbox item keeps the bus detail as JSON text,
 * which a Pipes input template can't unwrap into an object; and Lambda's DynamoDB event source is available in
 * every region we deploy to, the China regions included, without depending on a newer service there.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { OUTBOX_STREAM_FILTER } from '../../../functions/lib/events/outbox-record';
import { ContextFunction } from './context-function';
import { DeadLetterQueue } from './dead-letter-queue';

/** Records per invocation: ten PutEvents of ten at most, well inside the timeout. */
export const RELAY_BATCH_SIZE = 100;
/** How long a record is retried before it is set aside; the stream itself keeps records 24 hours. */
export const RELAY_MAX_RECORD_AGE = Duration.hours(1);
export const RELAY_RETRY_ATTEMPTS = 1000;
export const RELAY_TIMEOUT = Duration.seconds(60);

export interface OutboxRelayProps {
  /** The table whose stream carries the outbox (its stream must be enabled). */
  table: ITable;
  bus: IEventBus;
  repoRoot: string;
  environment: Record<string, string>;
}

export class OutboxRelay extends Construct {
  public readonly fn: ContextFunction;
  public readonly deadLetters: DeadLetterQueue;

  public constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    this.fn = new ContextFunction(this, 'Function', {
      manifest: {
        context: 'outbox-relay',
        entry: 'functions/relay/handler.ts',
        description: "outbox relay: the table's stream → the domain event bus",
        schedules: [],
        grants: {},
      },
      repoRoot: props.repoRoot,
      environment: props.environment,
      timeout: RELAY_TIMEOUT,
    });
    // The only function allowed to put events on the bus.
    this.fn.allowPutEvents(props.bus);
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', { context: 'outbox-relay' });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: RELAY_BATCH_SIZE,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: RELAY_RETRY_ATTEMPTS,
        maxRecordAge: RELAY_MAX_RECORD_AGE,
        onFailure: new SqsDlq(this.deadLetters.queue),
        filters: [FilterCriteria.filter(OUTBOX_STREAM_FILTER as unknown as Record<string, unknown>)],
      }),
    );
    Validations.of(this.fn.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, added by the DynamoDB event source, has no resource-level permissions in IAM; ' +
        'reading records (DescribeStream, GetShardIterator, GetRecords) is limited to this table’s stream.',
    });
  }
}
