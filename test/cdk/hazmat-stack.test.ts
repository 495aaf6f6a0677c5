/**
 * The stack synthesised from the real manifest (functions/manifest.ts), as `cdk synth` builds it.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { pascal } from '../../cdk/lib/hazmat-stack';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/lib/env-names';
import { routeKey } from '../../functions/lib/wiring';
import { MANIFEST } from '../../functions/manifest';
import { TABLE } from '../../functions/store/table';
import { actionsOfRole, dependencyGraph, findCycle, logicalId, synth } from './support';

let template: Template;
beforeAll(() => {
  ({ template } = synth(MANIFEST));
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
    expect(Object.keys(buckets)).toHaveLength(3);
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
        ENV.eventBusName,
        ENV.siteOrigin,
        ENV.appVersion,
        ENV.logLevel,
      ]) {
        expect(vars[name], name).toBeDefined();
      }
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
