/**
 * The platform on AWS (README: Architecture): CloudFront → S3 site and /api/* → HTTP API → one Lambda per bounded
 * context; one DynamoDB table, one attachments bucket, one domain-event bus, schedules as EventBridge rules.
 *
 * Everything context-specific (routes, event subscriptions, schedules, grants) comes from the manifest prop —
 * functions/manifest.ts in the app, a synthetic one in tests — never from this file.
 * Partition-agnostic (AWS China): ARNs come from CDK / formatArn with AWS::Partition, never `arn:aws:`.
 */
import { Annotations, Aws, CfnOutput, CfnRule, Fn, Stack, Tags, Token, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { ENV } from '../../functions/lib/env-names';
import type { ContextManifest } from '../../functions/lib/wiring';
import { AccessLogsBucket } from './constructs/access-logs-bucket';
import { Api, type ApiProps } from './constructs/api';
import { AttachmentsBucket, attachmentsBucketName, attachmentsOrigin } from './constructs/attachments-bucket';
import { AuditAnchorBucket } from './constructs/audit-anchor-bucket';
import { ContextFunction } from './constructs/context-function';
import { DataTable } from './constructs/data-table';
import { DeadLetterQueue } from './constructs/dead-letter-queue';
import { EdgeFirewall } from './constructs/edge-firewall';
import { DomainEventBus } from './constructs/event-bus';
import { OutboxRelay } from './constructs/outbox-relay';
import { OriginSecret } from './constructs/origin-secret';
import { ORIGIN_VERIFY_HEADER } from '../../functions/lib/http/origin-verify';
import { ScheduleRule } from './constructs/schedule-rule';
import { Site } from './constructs/site';
import { supportPhoneFrom } from '../../shared/support';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface HazmatStackProps extends StackProps {
  /** Every bounded context: routes, subscriptions, schedules, grants (functions/manifest.ts). */
  manifest: readonly ContextManifest[];
  /** Deployment stage name (tags, descriptions). @default 'dev' */
  stage?: string;
  /** Alternate domain of the site; needs `certificateArn` (global) or `iamCertificateId` (China). */
  domainName?: string;
  /** ACM certificate ARN in us-east-1 for `domainName`. */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` in the AWS China regions. */
  iamCertificateId?: string;
  /** WAFv2 web ACL ARN (scope CLOUDFRONT) for the distribution (given, or from the us-east-1 edge stack). */
  webAclArn?: string;
  /**
   * Create the web ACL in this stack (cdk/lib/app.ts sets it when the stack is in us-east-1 or
   * environment-agnostic; a CLOUDFRONT-scope web ACL can exist only there).
   */
  firewallInStack?: boolean;
  /** Built web site to deploy (`web/build`); skipped when the folder does not exist at synth time. */
  siteBuildDir?: string;
  /** APP_VERSION of the functions. @default '0.0.0-dev' */
  appVersion?: string;
  /** POWERTOOLS_LOG_LEVEL of the functions. @default 'INFO' */
  logLevel?: LogLevel;
  /** The 技术支撑 客服电话 the functions' messages name. @default the seed's (shared/support.ts) */
  supportPhone?: string | undefined;
  /** API default-stage throttling. */
  apiThrottle?: ApiProps['throttle'];
  /** Repository root (entries and lock file are relative to it). @default two levels above this file */
  repoRoot?: string;
}

export const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A context's name as the PascalCase prefix of its constructs' ids (`account-sheets` → `AccountSheets`). */
export const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

export class HazmatStack extends Stack {
  public readonly table: DataTable;
  public readonly attachments: AttachmentsBucket;
  public readonly site: Site;
  public readonly api: Api;
  public readonly events: DomainEventBus;
  /** The table's stream → the bus: delivers what the contexts write to the outbox. */
  public readonly relay: OutboxRelay;
  public readonly originSecret: OriginSecret;
  public readonly auditAnchors: AuditAnchorBucket;
  /** The web ACL, when this stack holds it (else it is given, in the edge stack, or off). */
  public readonly firewall?: EdgeFirewall;
  /** By context name. */
  public readonly functions = new Map<string, ContextFunction>();
  /** By context name; only contexts with subscriptions or schedules have one. */
  public readonly deadLetterQueues = new Map<string, DeadLetterQueue>();

  public constructor(scope: Construct, id: string, props: HazmatStackProps) {
    const stage = props.stage ?? 'dev';
    super(scope, id, { description: `hazmat 危险物品一体化安全监管平台 (${stage})`, ...props });
    Tags.of(this).add('project', 'hazmat');
    Tags.of(this).add('stage', stage);
    checkManifest(props.manifest);
    const repoRoot = props.repoRoot ?? DEFAULT_REPO_ROOT;

    this.table = new DataTable(this, 'Data');
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs');
    this.events = new DomainEventBus(this, 'DomainEvents');
    this.api = new Api(this, 'Api', { throttle: props.apiThrottle });

    let webAclArn = props.webAclArn;
    if (props.firewallInStack) {
      if (webAclArn) throw new Error('give either webAclArn or firewallInStack, not both');
      this.firewall = new EdgeFirewall(this, 'EdgeFirewall', { metricPrefix: `hazmat-${stage}` });
      webAclArn = this.firewall.webAcl.attrArn;
      if (Token.isUnresolved(this.region)) {
        // Environment-agnostic template: fail the deployment early and clearly outside us-east-1.
        new CfnRule(this, 'FirewallRegion', {
          assertions: [
            {
              assert: Fn.conditionEquals(Aws.REGION, 'us-east-1'),
              assertDescription:
                'The CloudFront web ACL (WAF) can only be created in us-east-1: deploy with -c region=<region> (a ' +
                'separate us-east-1 stack then holds it), -c webAclArn=…, or -c waf=off.',
            },
          ],
        });
      } else if (this.region.startsWith('cn-')) {
        Annotations.of(this).addWarningV2(
          'hazmat:china-waf',
          'waf=on in an AWS China region: check that AWS WAF for CloudFront is available to the account there.',
        );
      }
    }

    // The audit chain heads, anchored daily where no one can change them (Object Lock, compliance mode).
    this.auditAnchors = new AuditAnchorBucket(this, 'AuditAnchors', { accessLogs: accessLogs.bucket });

    // Only CloudFront may call the functions: it adds this secret to every API request.
    this.originSecret = new OriginSecret(this, 'OriginSecret');

    const bucketName = attachmentsBucketName();
    this.site = new Site(this, 'Site', {
      apiDomainName: this.api.domainName,
      attachmentsOrigin: attachmentsOrigin(bucketName),
      accessLogs: accessLogs.bucket,
      domainName: props.domainName,
      certificateArn: props.certificateArn,
      iamCertificateId: props.iamCertificateId,
      webAclArn,
      originHeader: { name: ORIGIN_VERIFY_HEADER, value: this.originSecret.headerValue() },
      buildDir: props.siteBuildDir,
    });
    // CORS names the distribution's domain; the bucket depends on the distribution, never the reverse.
    this.attachments = new AttachmentsBucket(this, 'Attachments', {
      bucketName,
      siteOrigin: this.site.origin,
      accessLogs: accessLogs.bucket,
    });

    const environment = {
      [ENV.siteOrigin]: this.site.origin,
      [ENV.appVersion]: props.appVersion ?? '0.0.0-dev',
      [ENV.logLevel]: props.logLevel ?? 'INFO',
      [ENV.supportPhone]: supportPhoneFrom(props.supportPhone),
    };

    for (const m of props.manifest) {
      const name = pascal(m.context);
      const fn = new ContextFunction(this, `${name}Function`, { manifest: m, repoRoot, environment });
      fn.bindTable(this.table.table);
      fn.bindAttachments(this.attachments.bucket);
      fn.bindAuditAnchors(this.auditAnchors.bucket);
      if (m.routes.length) fn.bindOriginSecret(this.originSecret.secret);
      this.functions.set(m.context, fn);

      this.api.addContextRoutes(m.context, m.routes, fn);

      if (m.subscriptions.length === 0 && m.schedules.length === 0) continue;
      const dlq = new DeadLetterQueue(this, `${name}DeadLetters`, { context: m.context });
      this.deadLetterQueues.set(m.context, dlq);
      fn.bindDeadLetterQueue(dlq.queue);
      for (const s of m.subscriptions) this.events.subscribe(m.context, s, fn, dlq.queue);
      for (const s of m.schedules) {
        new ScheduleRule(this, `${name}Schedule${pascal(s.name)}`, {
          context: m.context,
          schedule: s,
          target: fn,
          deadLetterQueue: dlq.queue,
        });
      }
    }

    this.relay = new OutboxRelay(this, 'OutboxRelay', {
      table: this.table.table,
      bus: this.events.bus,
      repoRoot,
      environment,
    });

    new CfnOutput(this, 'SiteUrl', { value: this.site.origin, description: 'Open this in a browser' });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'ApiEndpoint', {
      value: this.api.httpApi.apiEndpoint,
      description: 'Direct HTTP API endpoint (browsers use SiteUrl/api/…)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'AttachmentsBucketName', { value: this.attachments.bucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.events.bus.eventBusName });
  }
}

/** Fails synth early, with a readable message, on a manifest CloudFormation would reject later. */
function checkManifest(manifest: readonly ContextManifest[]): void {
  const seen = new Set<string>();
  for (const m of manifest) {
    if (!/^[a-z][a-z0-9-]*$/.test(m.context)) throw new Error(`context name "${m.context}" must be lower-case`);
    if (seen.has(m.context)) throw new Error(`context ${m.context} is declared twice`);
    seen.add(m.context);
    const names = [...m.subscriptions.map((s) => s.name), ...m.schedules.map((s) => s.name)];
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`${m.context}: subscription/schedule name ${dup} is used twice`);
  }
}
