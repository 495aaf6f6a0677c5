/**
 * Wiring from a synthetic manifest: a context with subscriptions, schedules and every kind of grant, and a
 * routes-only context, next to the real platform context.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleInvocation } from '../../functions/lib/dispatch';
import { eventPatternOf, routeKey } from '../../functions/lib/wiring';
import type { HazmatStack } from '../../cdk/lib/hazmat-stack';
import {
  SYNTHETIC_MANIFEST,
  actionsOfRole,
  dependencyGraph,
  findCycle,
  inspectionManifest,
  logicalId,
  portalManifest,
  synth,
} from './support';

let template: Template;
let stack: HazmatStack;
beforeAll(() => {
  ({ template, stack } = synth(SYNTHETIC_MANIFEST));
});

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const fnId = (context: string) => stack.getLogicalId(stack.functions.get(context)!.node.defaultChild as never);
const dlqId = (context: string) =>
  stack.getLogicalId(stack.deadLetterQueues.get(context)!.queue.node.defaultChild as never);

describe('event subscriptions', () => {
  it('puts a rule on the custom bus matching source and detail types, targeting the consumer', () => {
    const bus = logicalId(template, 'AWS::Events::EventBus', 'DomainEventsBus');
    expect(eventPatternOf(inspectionManifest.subscriptions[0]!)).toEqual({
      source: ['hazmat.hazard'],
      'detail-type': ['HazardConfirmed', 'HazardReturned'],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: ref(bus),
      EventPattern: { source: ['hazmat.hazard'], 'detail-type': ['HazardConfirmed', 'HazardReturned'] },
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: arnOf(fnId('inspection')),
          DeadLetterConfig: { Arn: arnOf(dlqId('inspection')) },
          RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
        }),
      ],
    });
  });

  it('lets only that rule invoke the function and write to the DLQ', () => {
    const rule = Object.entries(template.findResources('AWS::Events::Rule')).find(
      ([, r]) => r.Properties.EventPattern?.source?.[0] === 'hazmat.hazard',
    )![0];
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: arnOf(fnId('inspection')),
      Principal: 'events.amazonaws.com',
      SourceArn: arnOf(rule),
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [ref(dlqId('inspection'))],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': arnOf(rule) } },
          }),
        ]),
      },
    });
  });
});

describe('schedules', () => {
  const scheduleRule = (expression: string) =>
    Object.values(template.findResources('AWS::Events::Rule', { Properties: { ScheduleExpression: expression } }));

  it('converts Asia/Shanghai wall-clock time to UTC cron on the default bus', () => {
    // inspection 01:00 and the platform's 01:00 → 17:00 UTC; inspection 09:30 → 01:30 UTC.
    expect(scheduleRule('cron(0 17 * * ? *)')).toHaveLength(2);
    expect(scheduleRule('cron(30 1 * * ? *)')).toHaveLength(1);
    for (const r of [...scheduleRule('cron(0 17 * * ? *)'), ...scheduleRule('cron(30 1 * * ? *)')]) {
      expect(r.Properties.EventBusName).toBeUndefined();
    }
  });

  it('sends the ScheduleInvocation payload with the event time, failures to the DLQ', () => {
    const [rule] = scheduleRule('cron(30 1 * * ? *)');
    const [target] = rule!.Properties.Targets as { InputTransformer: { InputTemplate: string } }[];
    expect(target).toMatchObject({
      Arn: arnOf(fnId('inspection')),
      DeadLetterConfig: { Arn: arnOf(dlqId('inspection')) },
      InputTransformer: { InputPathsMap: { time: '$.time' } },
    });
    const { InputTemplate } = target!.InputTransformer;
    const time = '2025-01-10T01:30:00Z';
    const payload = JSON.parse(InputTemplate.replace('<time>', JSON.stringify(time))) as ScheduleInvocation;
    expect(payload).toEqual({ kind: 'hazmat.schedule', schedule: 'morningDigest', time });
  });

  it('gives scheduled contexts 60 s and routes-only contexts 10 s, memory from the manifest', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^hazmat inspection'),
      Timeout: 60,
      MemorySize: 1024,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^hazmat portal'),
      Timeout: 10,
      MemorySize: 512,
    });
  });
});

describe('dead-letter queues', () => {
  it('exist only for contexts with subscriptions or schedules (and the outbox relay), encrypted, TLS-only, 14 days', () => {
    expect([...stack.deadLetterQueues.keys()].sort()).toEqual(['inspection', 'platform']);
    template.resourceCountIs('AWS::SQS::Queue', 3);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    for (const context of ['inspection', 'platform']) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(dlqId(context))],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('also receive the function’s own failed asynchronous invocations', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(fnId('inspection')),
      DestinationConfig: { OnFailure: { Destination: arnOf(dlqId('inspection')) } },
    });
    const role = logicalId(template, 'AWS::IAM::Role', 'InspectionFunctionRole');
    expect(actionsOfRole(template, role)).toContain('sqs:SendMessage');
  });
});

describe('least privilege from manifest grants', () => {
  it('inspection (table read, attachments readwrite) gets exactly those, and no PutEvents', () => {
    const actions = actionsOfRole(template, logicalId(template, 'AWS::IAM::Role', 'InspectionFunctionRole'));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 's3:GetObject', 's3:PutObject']),
    );
    expect(actions.filter((a) => a.startsWith('events:'))).toEqual([]);
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(actions).not.toContain(write);
    }
    expect(actions.filter((a) => a.startsWith('s3:')).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  it('portal (attachments read) may read objects and nothing else', () => {
    const actions = actionsOfRole(template, logicalId(template, 'AWS::IAM::Role', 'PortalFunctionRole'));
    // Besides its logs and the origin secret every function with routes reads (functions/lib/http/origin-verify.ts).
    const relevant = actions.filter((a) => !a.startsWith('logs:') && !a.startsWith('secretsmanager:'));
    expect(relevant).toEqual(['s3:GetObject']);
    const bucket = logicalId(template, 'AWS::S3::Bucket', 'AttachmentsBucket');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [arnOf(bucket), '/*']] } }),
        ]),
      },
    });
  });

  it('writes logs only to the function’s own log group, with no managed policies', () => {
    for (const context of ['Platform', 'Inspection', 'Portal']) {
      const role = logicalId(template, 'AWS::IAM::Role', `${context}FunctionRole`);
      const logGroup = logicalId(template, 'AWS::Logs::LogGroup', `${context}FunctionLogGroup`);
      expect(template.findResources('AWS::IAM::Role')[role]!.Properties.ManagedPolicyArns).toBeUndefined();
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [ref(role)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arnOf(logGroup) },
          ]),
        },
      });
    }
  });
});

describe('routes of every context', () => {
  it('one route per declared route, integrated with its own context function', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const declared = SYNTHETIC_MANIFEST.flatMap((m) => m.routes.map(routeKey)).sort();
    expect(routes.map((r) => r.Properties.RouteKey as string).sort()).toEqual(declared);
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    for (const m of [inspectionManifest, portalManifest]) {
      for (const key of m.routes.map(routeKey)) {
        const route = routes.find((r) => r.Properties.RouteKey === key)!;
        const integrationId = (route.Properties.Target['Fn::Join'][1] as unknown[])[1] as { Ref: string };
        expect(integrations[integrationId.Ref]!.Properties.IntegrationUri).toEqual(arnOf(fnId(m.context)));
      }
    }
  });

  it('refuses a route declared twice', () => {
    const dup = { ...portalManifest, context: 'portal2' };
    expect(() => synth([portalManifest, dup])).toThrow(/GET \/api\/portal\/news is declared twice/);
  });
});

describe('template', () => {
  it('has no literal aws-partition ARN and no dependency cycle', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('arn:aws:');
    expect(findCycle(dependencyGraph(template))).toBeUndefined();
  });
});
