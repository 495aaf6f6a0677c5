/**
 * One Lambda function per bounded context (functions/lib/dispatch.ts: its single `handler` serves HTTP API
 * requests, EventBridge events and schedule ticks). Modelled on Powertools' `FunctionWithLogGroup` example:
 * a NodejsFunction with fixed defaults, its own log group, and `bind…` methods that name why a grant exists.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { isAbsolute, join } from 'node:path';
import { ENV } from '../../../functions/lib/env-names';
import { LAMBDA_BUNDLE_ALIASES } from '../bundle-aliases';
import type { ContextManifest, GrantsDef } from '../../../functions/lib/wiring';
import { tableStatements } from '../table-access';

/** 等保2.0 level 3 keeps audit records ≥ 180 days; function logs carry the request/audit trail. */
export const FUNCTION_LOG_RETENTION = RetentionDays.SIX_MONTHS;
export const DEFAULT_MEMORY_MB = 512;
/** Request/response contexts answer an API call; a context with schedules runs batch jobs (warning scans). */
export const ROUTE_TIMEOUT = Duration.seconds(10);
export const SCHEDULED_TIMEOUT = Duration.seconds(60);

/**
 * ESM output keeps top-level await and tree-shaking; CommonJS dependencies bundled into an ESM file still
 * call `require`, which ESM lacks, so the banner provides one.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __hazmatCreateRequire } from 'node:module'; const require = __hazmatCreateRequire(import.meta.url);";

export interface ContextFunctionProps {
  /** A context's manifest — or, for the outbox relay, the same few facts about a function that is no context. */
  manifest: Pick<ContextManifest, 'context' | 'entry' | 'description' | 'schedules' | 'grants' | 'memoryMb'>;
  /** Repository root: the manifest's `entry` and the lock file are relative to it. */
  repoRoot: string;
  /** Variables every context gets (site origin, version, log level); the bind methods add the rest. */
  environment: Record<string, string>;
  /** Overrides the timeout the manifest implies (10 s for routes, 60 s with schedules). */
  timeout?: Duration;
}

export class ContextFunction extends NodejsFunction {
  public readonly contextName: string;
  public readonly grants: GrantsDef;

  public constructor(scope: Construct, id: string, props: ContextFunctionProps) {
    const { manifest, repoRoot } = props;
    const hasSchedules = manifest.schedules.length > 0;
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: FUNCTION_LOG_RETENTION,
      // Audit evidence outlives the function.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Own role instead of AWSLambdaBasicExecutionRole: that managed policy may create log groups and write to
    // any of them; this role may only write to its own log group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `hazmat ${manifest.context} context function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      // Lambda descriptions are limited to 256 characters.
      description: `hazmat ${manifest.context}: ${manifest.description}`.slice(0, 256),
      entry: isAbsolute(manifest.entry) ? manifest.entry : join(repoRoot, manifest.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: manifest.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout ?? (hasSchedules ? SCHEDULED_TIMEOUT : ROUTE_TIMEOUT),
      role,
      logGroup,
      environment: {
        ...props.environment,
        [ENV.serviceName]: `hazmat-${manifest.context}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // Local esbuild from node_modules; never Docker (none on the build machines, and not needed).
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        target: 'node22',
        // Bundle AWS SDK v3 at the version pinned in package-lock.json instead of the runtime's copy.
        externalModules: [],
        bundleAwsSDK: true,
        // Build-time substitutions (relative to the repository root, esbuild's working directory here).
        esbuildArgs: { '--alias': Object.entries(LAMBDA_BUNDLE_ALIASES).map(([from, to]) => `${from}=${to}`) },
      },
    });
    this.contextName = manifest.context;
    this.grants = manifest.grants;

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose (README: Dependency notes): the runtime the code, the bundles (target node22) and the ' +
        'pinned AWS SDK are built and tested for; moving to a newer Node is a deliberate, tested upgrade.',
    });
  }

  /**
   * The single table: sets TABLE_NAME; grants what the manifest declares, limited to the declared entities'
   * partition keys, never Scan, never an update or delete of an audit item (cdk/lib/table-access.ts).
   */
  public bindTable(table: ITable): void {
    this.addEnvironment(ENV.tableName, table.tableName);
    const statements = tableStatements(table, this.grants.table);
    for (const s of statements) this.addToRolePolicy(s);
    if (statements.some((s) => s.resources.some((r) => r.endsWith('/index/*')) && s.effect === 'Allow')) {
      Validations.of(this.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(table)}.Arn>/index/*]`,
        reason:
          'Queries on the single table’s own GSIs (gsi1–3, due) for entities read through them; the wildcard is ' +
          'limited to indexes of this one table.',
      });
    }
  }

  /**
   * The audit anchors (Object Lock): sets AUDIT_ANCHOR_BUCKET; 'read' lists and reads anchors, 'readwrite'
   * also puts new ones. Never DeleteObject, nor anything touching retention (compliance mode forbids it anyway).
   */
  public bindAuditAnchors(bucket: IBucket): void {
    const access = this.grants.auditAnchors;
    if (!access) return;
    this.addEnvironment(ENV.auditAnchorBucket, bucket.bucketName);
    this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', ...(access === 'readwrite' ? ['s3:PutObject'] : [])],
        resources: [bucket.arnForObjects('audit-anchors/*')],
      }),
    );
    Validations.of(this.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(bucket)}.Arn>/audit-anchors/*]`,
      reason: 'One object per daily anchor under audit-anchors/; Get and Put only, never Delete (Object Lock).',
    });
  }

  /**
   * Attachments: sets ATTACHMENTS_BUCKET; 'write' lets the function sign presigned POST uploads (s3:PutObject),
   * 'read' presigned GET downloads (s3:GetObject). Nothing else (no List, no Delete, no bucket configuration).
   */
  public bindAttachments(bucket: IBucket): void {
    this.addEnvironment(ENV.bucketName, bucket.bucketName);
    const access = this.grants.attachments;
    if (!access) return;
    const actions = [
      ...(access === 'read' || access === 'readwrite' ? ['s3:GetObject'] : []),
      ...(access === 'write' || access === 'readwrite' ? ['s3:PutObject'] : []),
    ];
    this.addToRolePolicy(new PolicyStatement({ actions, resources: [bucket.arnForObjects('*')] }));
    Validations.of(this.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(bucket)}.Arn>/*]`,
      reason:
        'Object keys are chosen per request (owner/entity prefix pinned in each presigned policy and checked ' +
        'against the caller’s data scope before signing); only Get/PutObject on this one bucket.',
    });
  }

  /**
   * The origin secret: sets ORIGIN_SECRET_ARN and lets the function read that one secret, so it can refuse
   * HTTP requests that did not come through CloudFront (functions/lib/http/origin-verify.ts).
   */
  public bindOriginSecret(secret: ISecret): void {
    this.addEnvironment(ENV.originSecretArn, secret.secretArn);
    secret.grantRead(this);
  }

  /**
   * The domain event bus: sets EVENT_BUS_NAME and grants events:PutEvents on it. Only the outbox relay gets this:
   * contexts write their events to the outbox in their own transactions (README: "How an event flows").
   */
  public allowPutEvents(bus: IEventBus): void {
    this.addEnvironment(ENV.eventBusName, bus.eventBusName);
    bus.grantPutEventsTo(this);
  }

  /**
   * Asynchronous invocations (EventBridge events and schedule ticks) that still fail after Lambda's retries
   * are kept on the context's dead-letter queue, with the error, for inspection and redrive.
   */
  public bindDeadLetterQueue(queue: IQueue): void {
    this.configureAsyncInvoke({
      onFailure: new SqsDestination(queue),
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
    });
  }

  private logicalIdOf(resource: ITable | IBucket): string {
    const child = resource.node.defaultChild;
    if (!child) throw new Error(`${resource.node.path} has no CloudFormation resource`);
    return Stack.of(this).getLogicalId(child as never);
  }
}
