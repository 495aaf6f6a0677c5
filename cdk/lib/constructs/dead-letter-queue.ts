/**
 * A context's dead-letter queue: EventBridge parks events it could not deliver to the function here, and the
 * function's own asynchronous invocations that still fail after Lambda's retries land here too.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export const DLQ_RETENTION = Duration.days(14);

export class DeadLetterQueue extends Construct {
  public readonly queue: Queue;

  public constructor(scope: Construct, id: string, props: { context: string }) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      // SSE-SQS: EventBridge can deliver to it without a KMS key policy.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        `This queue IS the dead-letter queue of the ${props.context} context (EventBridge rule targets and ` +
        'Lambda on-failure destination); a DLQ of a DLQ would only move the problem.',
    });
  }
}
