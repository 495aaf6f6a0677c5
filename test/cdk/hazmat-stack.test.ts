/**
 * The stack synthesised from the real manifest (functions/manifest.ts), as `cdk synth` builds it.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { pascal } from '../../cdk/lib/hazmat-stack';
import { beforeAll, describe, expect, it } from 'vitest';
import { WAF_RATE_LIMIT_PER_5_MIN } from '../../cdk/lib/constructs/edge-firewall';
import { ENV } from '../../functions/lib/env-names';
import { ORIGIN_SECRET_FIELD, ORIGIN_VERIFY_HEADER } from '../../functions/lib/http/origin-verify';
import { PARTITION_KEYS } from '../../functions/store/partition-keys';
import { routeKey } from '../../functions/lib/wiring';
import { MANIFEST } from '../../functions/manifest';
import { TABLE } from '../../functions/store/table';
import { OUTBOX_STREAM_FILTER } from '../../functions/lib/events/outbox-record';
import type { HazmatStack } from '../../cdk/lib/hazmat-stack';
import { actionsOfRole, dependencyGraph, findCycle, logicalId, synth } from './support';

let template: Template;
let stack: HazmatStack;
beforeAll(() => {
  ({ template, stack } = synth(MANIFEST));
});

const secureTransportDeny = Match.objectLike({
  Effect: 'Deny',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

describe('DynamoDB table', () => {
  it('has the keys, TTL and indexes of functions/store/table.ts', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      GlobalSecondaryIndexes: TABLE.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.pk, KeyType: 'HASH' },
          { AttributeName: i.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is on-demand, PITR, deletion-protected, encrypted, retained, and unnamed', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TableName: Match.absent(),
      }),
    });
  });
});

describe('attachments bucket', () => {
  const attachments = (): Record<string, unknown> =>
    template.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } });

  it('is private, encrypted, versioned, logged and retained', () => {
    expect(Object.keys(attachments())).toHaveLength(1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        CorsConfiguration: Match.anyValue(),
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(template, 'AWS::S3::Bucket', 'AccessLogs') } },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]),
        },
      }),
    });
  });

  it('allows POST and GET from the site origin only', () => {
    const distribution = logicalId(template, 'AWS::CloudFront::Distribution', 'SiteDistribution');
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['POST', 'GET'],
            AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] }],
          }),
        ],
      },
    });
  });

  it('every bucket refuses non-TLS requests and blocks public access', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    // Site, attachments, access logs, audit anchors.
    expect(Object.keys(buckets)).toHaveLength(4);
    for (const [id, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: { Statement: Match.arrayWith([secureTransportDeny]) },
      });
    }
  });
});

describe('CloudFront', () => {
  it('reads the site bucket through Origin Access Control, never an OAI', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        PriceClass: 'PriceClass_100',
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ]),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('routes /api/* to the HTTP API uncached with all viewer data but Host', () => {
    const api = logicalId(template, 'AWS::ApiGatewayV2::Api', 'Api');
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const config = dist.Properties.DistributionConfig;
    const apiBehaviour = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(apiBehaviour).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    const apiOrigin = config.Origins.find((o: { Id: string }) => o.Id === apiBehaviour.TargetOriginId);
    expect(apiOrigin.DomainName).toEqual({
      'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [api, 'ApiEndpoint'] }] }],
    });
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('has no distribution-wide error responses (they would rewrite API errors)', () => {
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
  });

  it('rewrites SPA routes with a viewer-request function on the default behaviour', () => {
    const fn = logicalId(template, 'AWS::CloudFront::Function', 'SiteSpaFallback');
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
      FunctionCode: Match.stringLikeRegexp('/200\\.html'),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fn, 'FunctionARN'] } }],
        }),
      }),
    });
  });

  it('sends security headers on site and API responses', () => {
    const policy = logicalId(template, 'AWS::CloudFront::ResponseHeadersPolicy', 'SiteSecurityHeaders');
    const config = template.findResources('AWS::CloudFront::ResponseHeadersPolicy')[policy]!.Properties
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(config).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    const csp = JSON.stringify(config.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    // connect-src names the attachments bucket's regional endpoint, by the same name the bucket gets.
    expect(csp).toMatch(
      /connect-src 'self' https:\/\/hazmat-attachments-".*AWS::StackId.*\.s3\.".*AWS::Region.*AWS::URLSuffix/,
    );
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const { DefaultCacheBehavior, CacheBehaviors } = dist.Properties.DistributionConfig;
    for (const b of [DefaultCacheBehavior, ...CacheBehaviors])
      expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policy });
  });

  it('uses the default certificate when no domain is configured', () => {
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig.Aliases).toBeUndefined();
    expect(dist.Properties.DistributionConfig.ViewerCertificate).toBeUndefined();
  });
});

describe('HTTP API', () => {
  it('has exactly one route per manifest route, with the declared route key', () => {
    const declared = MANIFEST.flatMap((m) => m.routes.map(routeKey)).sort();
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes.map((r) => r.Properties.RouteKey as string).sort()).toEqual(declared);
  });

  it('integrates routes with their context function, payload format 2.0', () => {
    for (const m of MANIFEST) {
      const fn = logicalId(template, 'AWS::Lambda::Function', `${pascal(m.context)}Function`);
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [fn, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
    }
  });

  it('logs access as JSON and throttles the $default stage', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
    });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
  });
});

describe('context functions', () => {
  it('one arm64 nodejs22.x function per context, with the environment of env-names.ts', () => {
    const fns = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
      MANIFEST.some((m) => id.startsWith(`${pascal(m.context)}Function`)),
    );
    expect(fns).toHaveLength(MANIFEST.length);
    for (const m of MANIFEST) {
      const [, fn] = fns.find(([id]) => id.startsWith(`${pascal(m.context)}Function`))!;
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        MemorySize: m.memoryMb ?? 512,
        Timeout: m.schedules.length ? 60 : 10,
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
      for (const name of [
        ENV.tableName,
        ENV.bucketName,
        ENV.siteOrigin,
        ENV.appVersion,
        ENV.logLevel,
        ENV.supportPhone,
      ]) {
        expect(vars[name], name).toBeDefined();
      }
      // No context puts events on the bus: they go through the outbox.
      expect(vars[ENV.eventBusName]).toBeUndefined();
      // The 技术支撑 客服电话 the functions' messages name: the seed's unless the deployment sets one.
      expect(vars[ENV.supportPhone]).toBe('0591-87859196');
      expect(vars[ENV.serviceName]).toBe(`hazmat-${m.context}`);
      for (const localOnly of [ENV.dynamodbEndpoint, ENV.s3Endpoint, ENV.eventsEndpoint])
        expect(vars[localOnly]).toBeUndefined();
    }
  });

  it('keeps function logs 180 days and retains them', () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
  });

  it('grants the platform function table read/write and nothing on S3 or EventBridge', () => {
    const role = logicalId(template, 'AWS::IAM::Role', 'PlatformFunctionRole');
    const actions = actionsOfRole(template, role);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']));
    expect(actions.filter((a) => a.startsWith('s3:') || a.startsWith('events:'))).toEqual([]);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.anyValue(),
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('sends the platform’s daily tick at 17:00 UTC (01:00 Asia/Shanghai)', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 17 * * ? *)' });
  });
});

describe('the outbox relay', () => {
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
  const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

  it('reads the table’s stream: outbox INSERTs only, partial batch answers, bisect, retries, a failure destination', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: id(stack.relay.fn) },
      EventSourceArn: { 'Fn::GetAtt': [id(stack.table.table), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 1000,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: arnOf(id(stack.relay.deadLetters.queue)) } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(OUTBOX_STREAM_FILTER) }] },
    });
  });

  it('is the only function allowed PutEvents, on the platform bus only; it reads the stream and nothing else', () => {
    const bus = id(stack.events.bus);
    const relayRole = id(stack.relay.fn.role as never);
    const actions = actionsOfRole(template, relayRole).filter((a) => !a.startsWith('logs:'));
    expect([...new Set(actions)].sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'events:PutEvents',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: relayRole }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'events:PutEvents', Resource: arnOf(bus) })]),
      },
    });
    for (const m of MANIFEST) {
      const role = id(stack.functions.get(m.context)!.role as never);
      expect(
        actionsOfRole(template, role).filter((a) => a.startsWith('events:')),
        m.context,
      ).toEqual([]);
    }
    const relay = template.findResources('AWS::Lambda::Function')[id(stack.relay.fn)]!;
    expect(relay.Properties.Environment.Variables[ENV.eventBusName]).toEqual({ Ref: bus });
    expect(relay.Properties.Timeout).toBe(60);
  });

  it('parks what it cannot deliver on its own encrypted, TLS-only queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id(stack.relay.deadLetters.queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('only through CloudFront, behind WAF (issue 9)', () => {
  it('sends the origin secret to the API as a Secrets Manager dynamic reference, never a literal', () => {
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const origins = dist.Properties.DistributionConfig.Origins as { OriginCustomHeaders?: unknown }[];
    const headers = origins.flatMap(
      (o) => (o.OriginCustomHeaders ?? []) as { HeaderName: string; HeaderValue: unknown }[],
    );
    expect(headers.map((h) => h.HeaderName)).toEqual([ORIGIN_VERIFY_HEADER]);
    const value = JSON.stringify(headers[0]!.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(`:SecretString:${ORIGIN_SECRET_FIELD}::}}`);
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ GenerateStringKey: ORIGIN_SECRET_FIELD, PasswordLength: 48 }),
    });
  });

  it('tells every function with routes where the secret is, and lets it read that one secret', () => {
    const secret = logicalId(template, 'AWS::SecretsManager::Secret', 'OriginSecret');
    for (const m of MANIFEST.filter((c) => c.routes.length)) {
      const [, fn] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
        id.startsWith(`${pascal(m.context)}Function`),
      )!;
      expect(fn.Properties.Environment.Variables[ENV.originSecretArn]).toEqual({ Ref: secret });
      const role = logicalId(template, 'AWS::IAM::Role', `${pascal(m.context)}FunctionRole`);
      expect(actionsOfRole(template, role)).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('puts a CLOUDFRONT web ACL with a per-address rate rule and AWS common rules before the distribution', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Statement: { RateBasedStatement: { Limit: WAF_RATE_LIMIT_PER_5_MIN, AggregateKeyType: 'IP' } },
          Action: { Block: {} },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' }),
          },
        }),
      ]),
    });
    const acl = logicalId(template, 'AWS::WAFv2::WebACL', 'EdgeFirewall');
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::GetAtt': [acl, 'Arn'] });
    // An environment-agnostic template refuses to deploy the web ACL outside us-east-1.
    expect(JSON.stringify(template.toJSON().Rules)).toContain('us-east-1');
  });
});

describe('table access per context (issue 9)', () => {
  const policiesOf = (roleLogicalId: string) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleLogicalId}"`))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[]); // eslint-disable-line @typescript-eslint/no-explicit-any
  const table = () => logicalId(template, 'AWS::DynamoDB::Table', 'Data');
  const roleOf = (context: string) => logicalId(template, 'AWS::IAM::Role', `${pascal(context)}FunctionRole`);

  it('limits every Allow on the table to the declared entities’ partition keys, and allows Scan to no one', () => {
    for (const m of MANIFEST) {
      for (const s of policiesOf(roleOf(m.context))) {
        const actions = [s.Action].flat() as string[];
        if (!actions.some((a) => a.startsWith('dynamodb:'))) continue;
        if (s.Effect === 'Allow') {
          expect(actions, m.context).not.toContain('dynamodb:Scan');
          expect(
            actions.some((a) => a.includes('*')),
            m.context,
          ).toBe(false);
          const onTable = JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [table(), 'Arn'] });
          if (onTable)
            expect(s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'], m.context).toBeDefined();
          else expect(actions, m.context).toEqual(['dynamodb:Query']);
        }
      }
      const denies = policiesOf(roleOf(m.context)).filter((s) => s.Effect === 'Deny');
      expect(denies.map((s) => s.Sid).sort(), m.context).toEqual(['NoAuditRewrite', 'NoScan']);
    }
  });

  it('never lets anyone update or delete an audit item: only a Put on audit keys, denied the rest', () => {
    const auditKeys = [...PARTITION_KEYS.audit].sort();
    for (const m of MANIFEST) {
      const statements = policiesOf(roleOf(m.context));
      const deny = statements.find((s) => s.Sid === 'NoAuditRewrite')!;
      expect([...deny.Action].sort()).toEqual([
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:UpdateItem',
      ]);
      expect(deny.Condition['ForAnyValue:StringLike']['dynamodb:LeadingKeys']).toEqual(auditKeys);
      for (const s of statements.filter((x) => x.Effect === 'Allow')) {
        const keys = (s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? []) as string[];
        const actions = [s.Action].flat() as string[];
        if (keys.some((k) => auditKeys.includes(k)) && actions.some((a) => a !== 'dynamodb:PutItem')) {
          // Reads may include audit keys; writes to them are the Put alone.
          expect(
            actions.filter((a) => ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'].includes(a)),
            m.context,
          ).toEqual([]);
        }
      }
    }
  });

  it('gives the public platform function its own schedule records only', () => {
    const keys = policiesOf(roleOf('platform'))
      .filter((s) => s.Effect === 'Allow' && s.Condition)
      .map((s) => s.Condition['ForAllValues:StringLike']['dynamodb:LeadingKeys']);
    expect([...new Set(keys.flat())]).toEqual(['$hazmat']);
    expect(
      policiesOf(roleOf('platform')).some(
        (s) => JSON.stringify(s.Resource).includes('/index/*') && s.Effect === 'Allow',
      ),
    ).toBe(false);
  });

  it('anchors the audit heads in an Object Lock bucket (compliance, ≥ 180 days) the audit function can only add to', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: Match.anyValue() } },
      },
    });
    const bucket = Object.values(
      template.findResources('AWS::S3::Bucket', { Properties: { ObjectLockEnabled: true } }),
    )[0]!;
    expect(bucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention.Days).toBeGreaterThanOrEqual(180);
    const actions = actionsOfRole(template, roleOf('audit'));
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject', 's3:ListBucket']));
    expect(actions.filter((a) => a.startsWith('s3:') && /Delete|Retention|LegalHold|Bypass/.test(a))).toEqual([]);
    for (const m of MANIFEST.filter((c) => c.context !== 'audit')) {
      expect(JSON.stringify(policiesOf(roleOf(m.context)))).not.toContain('AuditAnchors');
    }
  });
});

describe('partition, cycles, outputs', () => {
  it('contains no literal aws-partition ARN (deployable to AWS China)', () => {
    expect(JSON.stringify(template.toJSON())).not.toContain('arn:aws:');
  });

  it('has no dependency cycle (CloudFormation would reject it at deploy time)', () => {
    expect(findCycle(dependencyGraph(template))).toBeUndefined();
  });

  it('hard-codes no physical names of the table, buckets, functions or queues', () => {
    template.allResourcesProperties('AWS::DynamoDB::Table', { TableName: Match.absent() });
    template.allResourcesProperties('AWS::Lambda::Function', { FunctionName: Match.absent() });
    template.allResourcesProperties('AWS::SQS::Queue', { QueueName: Match.absent() });
    for (const b of Object.values(template.findResources('AWS::S3::Bucket'))) {
      // Only the attachments bucket is named, by CloudFormation from the stack id (see attachments-bucket.ts).
      if (b.Properties.BucketName) expect(JSON.stringify(b.Properties.BucketName)).toContain('AWS::StackId');
    }
  });

  it('outputs the site URL, API endpoint, table, bucket and bus names', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining(['SiteUrl', 'ApiEndpoint', 'TableName', 'AttachmentsBucketName', 'EventBusName']),
    );
  });
});
