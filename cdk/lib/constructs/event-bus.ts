/**
 * The platform's custom EventBridge bus for domain events (README: How an event flows — source `hazmat.<context>`, past-tense
 * detail types) and the rules that deliver them to the subscribing contexts.
 */
import { Aws, Duration, Fn } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventPatternOf, type SubscriptionDef } from '../../../functions/lib/wiring';

/** EventBridge's own retries when Lambda does not accept the (asynchronous) invocation. */
export const RULE_TARGET_RETRIES = 8;
export const RULE_TARGET_MAX_EVENT_AGE = Duration.hours(6);

export class DomainEventBus extends Construct {
  public readonly bus: EventBus;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', {
      // CloudFormation requires a Name; CDK's default derives it from the construct path, which is the same
      // for every stage (all use construct id 'Hazmat') and would collide in a shared account. The stack
      // name is unique per account and region.
      eventBusName: Fn.join('-', [Aws.STACK_NAME, 'domain-events']),
      description: 'hazmat domain events (source hazmat.<context>)',
    });
  }

  /** A rule on this bus: source + detail types → the subscribing context's function, failures to its DLQ. */
  public subscribe(context: string, subscription: SubscriptionDef, target: IFunction, deadLetterQueue: IQueue): Rule {
    const pattern = eventPatternOf(subscription);
    return new Rule(this, `${context}-${subscription.name}`, {
      eventBus: this.bus,
      description: `${context}.${subscription.name}: ${subscription.description}`.slice(0, 512),
      // The same pattern the local bus matches with (functions/local/event-bus.ts).
      eventPattern: { source: pattern.source, detailType: pattern['detail-type'] },
      targets: [
        new LambdaFunction(target, {
          deadLetterQueue,
          retryAttempts: RULE_TARGET_RETRIES,
          maxEventAge: RULE_TARGET_MAX_EVENT_AGE,
        }),
      ],
    });
  }
}
