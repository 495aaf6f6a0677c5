/**
 * The web site: a private S3 bucket behind CloudFront (Origin Access Control), `/api/*` routed to the HTTP
 * API, security headers on every response, SPA fallback by a CloudFront Function.
 *
 * The SPA fallback is a viewer-request function on the default (S3) behaviour only, not distribution-wide
 * `errorResponses`: those would also turn the API's 403/404 JSON errors into the HTML shell.
 */
import {
  Annotations,
  Aws,
  DefaultStackSynthesizer,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { CLOUDFRONT_CSP_MAX_LENGTH, contentSecurityPolicy, inlineScriptHashes } from '../content-security-policy';
import { VIEWER_ADDRESS_FUNCTION_CODE } from '../../../functions/lib/http/viewer-address';
import { prerenderedPages, spaFallbackCode } from '../spa-fallback';

/** SvelteKit's content-hashed build output. */
export const IMMUTABLE_ASSETS = '_app/immutable/';

/** CloudFront Functions: maximum function size. */
const CLOUDFRONT_FUNCTION_MAX_BYTES = 10 * 1024;

/** The longest value the attachments origin token can take, to check the CSP against CloudFront's limit. */
const LONGEST_ATTACHMENTS_ORIGIN = `https://hazmat-attachments-${'0'.repeat(36)}.s3.${'x'.repeat(20)}.amazonaws.com.cn`;

export interface SiteProps {
  /** Host name of the HTTP API's default endpoint (`<id>.execute-api.<region>.<suffix>`). */
  apiDomainName: string;
  /** Origin of the attachments bucket's regional endpoint, allowed by the CSP. */
  attachmentsOrigin: string;
  accessLogs: IBucket;
  /** Alternate domain name (CNAME). Requires `certificateArn` or `iamCertificateId`. */
  domainName?: string;
  /** ACM certificate in us-east-1 for `domainName` (global regions). */
  certificateArn?: string;
  /** IAM server certificate id for `domainName` (AWS China regions: CloudFront there has no ACM). */
  iamCertificateId?: string;
  /** ARN of a WAFv2 web ACL (scope CLOUDFRONT) to attach. */
  webAclArn?: string;
  /**
   * The header CloudFront adds to every API request so the functions can tell it from a direct call to the
   * execute-api URL (functions/lib/http/origin-verify.ts); the value is a dynamic reference, not a literal.
   */
  originHeader?: { name: string; value: string };
  /** Built site to deploy; deployed only if the folder exists at synth time. */
  buildDir?: string;
}

export class Site extends Construct {
  public readonly bucket: Bucket;
  public readonly distribution: Distribution;
  public readonly securityHeaders: ResponseHeadersPolicy;
  public readonly spaFallback: CloudFrontFunction;
  /** `https://<domainName>` when given, else `https://<distribution domain>`. */
  public readonly origin: string;
  public readonly deployment?: BucketDeployment;

  public constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const { domainName, certificateArn, iamCertificateId } = props;
    if (certificateArn && iamCertificateId) throw new Error('give either certificateArn or iamCertificateId, not both');
    if (domainName && !certificateArn && !iamCertificateId) {
      throw new Error(
        `domainName ${domainName} needs a certificate: certificateArn (ACM, us-east-1) or, in the AWS China ` +
          'regions, iamCertificateId (IAM server certificate for the ICP-filed domain)',
      );
    }
    if ((certificateArn || iamCertificateId) && !domainName) throw new Error('a certificate needs domainName');
    const deployBuild = props.buildDir !== undefined && existsSync(props.buildDir);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Content is rebuilt from the repository; kept on stack deletion only because a non-empty bucket
      // cannot be deleted by CloudFormation anyway.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const fallbackCode = spaFallbackCode(deployBuild ? prerenderedPages(props.buildDir!) : []);
    if (Buffer.byteLength(fallbackCode) > CLOUDFRONT_FUNCTION_MAX_BYTES) {
      throw new Error(`the SPA fallback function exceeds CloudFront's ${CLOUDFRONT_FUNCTION_MAX_BYTES}-byte limit`);
    }
    this.spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      // Names of CloudFront functions and policies are account-wide: derive them from the stack name.
      functionName: Fn.join('-', [Aws.STACK_NAME, 'spa-fallback']),
      comment: 'SPA fallback: extension-less non-API paths to their prerendered page or 200.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(fallbackCode),
    });

    // Hashes of the inline boot scripts of the build being deployed (none when nothing is deployed).
    const scriptHashes = deployBuild ? inlineScriptHashes(props.buildDir!) : [];
    const worstCase = contentSecurityPolicy({ attachmentsOrigin: LONGEST_ATTACHMENTS_ORIGIN, scriptHashes }).length;
    if (worstCase > CLOUDFRONT_CSP_MAX_LENGTH) {
      throw new Error(
        `the Content-Security-Policy would be up to ${worstCase} characters; CloudFront allows ` +
          `${CLOUDFRONT_CSP_MAX_LENGTH}. The build has too many distinct inline scripts (${scriptHashes.length}).`,
      );
    }
    const csp = contentSecurityPolicy({ attachmentsOrigin: props.attachmentsOrigin, scriptHashes });
    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: Fn.join('-', [Aws.STACK_NAME, 'security-headers']),
      comment: 'hazmat security headers (HSTS, nosniff, DENY framing, referrer policy, CSP)',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
      },
    });

    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      // Named from the stack, like the SPA function, so stages in one account don't collide.
      functionName: Fn.join('-', [Aws.STACK_NAME, 'viewer-address']),
      comment: 'hazmat: stamp the viewer address on API requests',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(VIEWER_ADDRESS_FUNCTION_CODE),
    });

    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      ...(props.originHeader ? { customHeaders: { [props.originHeader.name]: props.originHeader.value } } : {}),
    });
    const certificate = certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', certificateArn)
      : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `hazmat site (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: this.spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything the viewer sent (cookies, query, headers) except Host, which must be the API's own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.securityHeaders,
          // Stamps the viewer's address for the per-address sign-in limit (functions/lib/http/viewer-address.ts).
          functionAssociations: [{ function: viewerAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(certificate && domainName
        ? { certificate, domainNames: [domainName], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    const cfnDistribution = this.distribution.node.defaultChild as CfnDistribution;
    if (iamCertificateId && domainName) {
      // China regions: no ACM for CloudFront; the ICP-filed domain's certificate is an IAM server certificate.
      cfnDistribution.addPropertyOverride('DistributionConfig.Aliases', [domainName]);
      cfnDistribution.addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      });
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Remediated by property override: the IAM server certificate is set with MinimumProtocolVersion ' +
          'TLSv1.2_2021 (cdk-nag reads the L2 properties, before the override).',
      });
    } else if (!certificate) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No domainName/certificate given: the distribution uses the default *.cloudfront.net certificate, whose ' +
          'security policy CloudFront fixes (it cannot be raised). Deployments with a domain set certificateArn ' +
          '(or iamCertificateId in China) and get TLSv1.2_2021.',
      });
      const region = Stack.of(this).region;
      if (region.startsWith('cn-')) {
        Annotations.of(this).addWarningV2(
          'hazmat:china-site-domain',
          'CloudFront in the AWS China regions cannot serve from its default domain: set context domainName ' +
            '(ICP-filed) and iamCertificateId before users can reach the site.',
        );
      }
    }
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the public portal and the enterprise platform are used from anywhere (enterprises ' +
        'travel and transport crosses borders); access control is by account, not by country.',
    });
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'WAF switched off for this deployment (context waf=off; the default in the AWS China regions, where ' +
          'CloudFront has no WAF). Throttling, per-address limits, lockout and captcha are enforced by the API.',
      });
    }

    this.origin = `https://${domainName ?? this.distribution.distributionDomainName}`;

    if (deployBuild) this.deployment = this.deployBuild(props.buildDir!);
  }

  /**
   * Uploads the built site. Only when web/build exists at synth time, so `cdk synth` and the tests work
   * before the web is built. Hashed, immutable assets (`_app/immutable/`) go first, cached for a year and never
   * pruned (a browser still holding the previous HTML can load its scripts); everything else (HTML, manifest,
   * icons) is revalidated on every load, pruned, and invalidated in CloudFront.
   */
  private deployBuild(buildDir: string): BucketDeployment {
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'hazmat site deployment (CDK BucketDeployment handler)',
    });
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);
    const common = { destinationBucket: this.bucket, memoryLimit: 512, role, logGroup };
    const immutable = new BucketDeployment(this, 'DeployImmutableAssets', {
      ...common,
      sources: [Source.asset(buildDir)],
      exclude: ['*'],
      include: [`${IMMUTABLE_ASSETS}*`],
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      prune: false,
    });
    const site = new BucketDeployment(this, 'Deployment', {
      ...common,
      sources: [Source.asset(buildDir)],
      exclude: [`${IMMUTABLE_ASSETS}*`],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    site.node.addDependency(immutable);

    const stack = Stack.of(this);
    const pseudo = (value: string, name: string): string => (Token.isUnresolved(value) ? `<${name}>` : value);
    // The CDK bootstrap assets bucket, as cdk-nag flattens it (DefaultStackSynthesizer naming).
    const assetsBucket =
      `cdk-${stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-` +
      `${pseudo(stack.account, 'AWS::AccountId')}-${pseudo(stack.region, 'AWS::Region')}`;
    const deploymentGrants: [string, string][] = [
      ['Action::s3:GetObject*', 'read the uploaded build from the CDK assets bucket'],
      ['Action::s3:GetBucket*', 'read the uploaded build from the CDK assets bucket'],
      ['Action::s3:List*', 'list source and destination to sync'],
      ['Action::s3:DeleteObject*', 'prune files removed from the build'],
      ['Action::s3:Abort*', 'abort a failed multipart upload of a large file'],
      [`Resource::arn:<AWS::Partition>:s3:::${assetsBucket}/*`, 'the build zip in the CDK assets bucket'],
      [
        `Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
        'objects of the site bucket',
      ],
      ['Resource::*', 'cloudfront:CreateInvalidation/GetInvalidation, which support no resource-level scoping'],
    ];
    for (const [finding, why] of deploymentGrants) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[${finding}]`,
        reason: `CDK BucketDeployment handler grants (aws-cdk-lib, not ours to narrow): ${why}; deploy-time only.`,
      });
    }
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason: 'The BucketDeployment handler and its runtime are provided and pinned by aws-cdk-lib.',
        });
      }
    }
    return site;
  }
}
