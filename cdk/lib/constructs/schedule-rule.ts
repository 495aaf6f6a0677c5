/**
 * A declared schedule: a daily EventBridge rule (default bus) that invokes the context's function with the
 * ScheduleInvocation payload of functions/lib/dispatch.ts.
 *
 * EventBridge rules rather than EventBridge Scheduler: rules are available in every region including the AWS
 * China regions, so the critical path does not depend on Scheduler being offered there. Rules evaluate cron
 * in UTC; the declared Asia/Shanghai time is converted by `scheduleUtcTime` (functions/lib/wiring.ts), the same
 * function the local scheduler uses.
 */
import { Duration } from 'aws-cdk-lib';
import { EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleInvocation } from '../../../functions/lib/dispatch';
import { scheduleUtcTime, type ScheduleDef } from '../../../functions/lib/wiring';

/** A daily cron in UTC for a declared schedule (daily, so a day shift needs no day-field adjustment). */
const cronFields = (s: ScheduleDef): { hour: string; minute: string } => {
  const utc = scheduleUtcTime(s);
  return { hour: String(utc.hour), minute: String(utc.minute) };
};

export interface ScheduleRuleProps {
  context: string;
  schedule: ScheduleDef;
  target: IFunction;
  deadLetterQueue: IQueue;
}

export class ScheduleRule extends Construct {
  public readonly rule: Rule;

  public constructor(scope: Construct, id: string, props: ScheduleRuleProps) {
    super(scope, id);
    const { schedule } = props;
    const pad = (n: number): string => String(n).padStart(2, '0');
    const payload: Record<keyof ScheduleInvocation, string> = {
      kind: 'hazmat.schedule',
      schedule: schedule.name,
      time: EventField.time,
    };
    this.rule = new Rule(this, 'Rule', {
      description: (
        `${props.context}.${schedule.name} daily ${pad(schedule.hour)}:${pad(schedule.minute)} Asia/Shanghai: ` +
        schedule.description
      ).slice(0, 512),
      schedule: Schedule.cron(cronFields(schedule)),
      targets: [
        new LambdaFunction(props.target, {
          event: RuleTargetInput.fromObject(payload),
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
  }
}
