/**
 * Builds the CDK app: the stack from the manifest plus deploy-time context, with cdk-nag's AwsSolutions
 * checks registered as a CDK policy-validation plugin (cdk-nag v3: a finding that is not acknowledged fails
 * synthesis — `cdk synth` in a child process, `app.synth()` / `Template.fromStack` in tests).
 *
 * Context (cdk.json, or `-c key=value`):
 *   region            target region (else CDK_DEFAULT_REGION; else an environment-agnostic template)
 *   stage             stage name, e.g. dev / test / prod (default dev; the stack is named Hazmat-<stage>)
 *   domainName        site domain (CNAME); needs certificateArn, or iamCertificateId in China
 *   certificateArn    ACM certificate in us-east-1 for domainName (global regions)
 *   iamCertificateId  IAM server certificate for the ICP-filed domainName (AWS China regions)
 *   waf               on | off: the CloudFront web ACL (rate limit per address, AWS managed common rules).
 *                     Default on, except in the AWS China regions (cn-*), where CloudFront has no WAF: off.
 *                     In us-east-1 (or with no region) the web ACL is in the platform stack; in any other
 *                     region in a second stack, Hazmat-<stage>-edge, in us-east-1.
 *   webAclArn         an existing WAFv2 web ACL (scope CLOUDFRONT) to use instead of creating one
 *   logLevel          POWERTOOLS_LOG_LEVEL (default INFO)
 *   supportPhone      技术支撑 客服电话 in the functions' messages (default $HAZMAT_SUPPORT_PHONE, else the seed's)
 *   appVersion        APP_VERSION (default: package.json version)
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContextManifest } from '../../functions/lib/wiring';
import { EdgeStack } from './edge-stack';
import { DEFAULT_REPO_ROOT, HazmatStack, type HazmatStackProps, type LogLevel } from './hazmat-stack';

export const STACK_ID = 'Hazmat';

export interface CreateAppOptions {
  manifest: readonly ContextManifest[];
  appProps?: AppProps;
  /** Overrides of what the context would give (tests). */
  stackProps?: Partial<Omit<HazmatStackProps, 'manifest'>>;
}

const LOG_LEVELS: readonly LogLevel[] = ['DEBUG', 'INFO', 'WARN', 'ERROR'];

export function createApp({ manifest, appProps, stackProps = {} }: CreateAppOptions): {
  app: App;
  stack: HazmatStack;
  /** The us-east-1 stack of the web ACL, when the platform stack is in another (non-China) region. */
  edge?: EdgeStack;
} {
  const app = new App(appProps);
  const ctx = (key: string): string | undefined => {
    const v: unknown = app.node.tryGetContext(key);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const stage = ctx('stage') ?? 'dev';
  const region = ctx('region') ?? process.env.CDK_DEFAULT_REGION;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const logLevel = (ctx('logLevel') ?? 'INFO').toUpperCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`context logLevel must be one of ${LOG_LEVELS.join(', ')}`);

  const stackRegion = stackProps.env?.region ?? region;
  const waf = ctx('waf') ?? (stackRegion?.startsWith('cn-') ? 'off' : 'on');
  if (waf !== 'on' && waf !== 'off') throw new Error('context waf must be on or off');
  let webAclArn = ctx('webAclArn');
  let edge: EdgeStack | undefined;
  let firewallInStack = false;
  if (waf === 'on' && !webAclArn) {
    if (!stackRegion || stackRegion === 'us-east-1' || stackRegion.startsWith('cn-')) firewallInStack = true;
    else {
      edge = new EdgeStack(app, `${STACK_ID}Edge`, {
        stackName: `Hazmat-${stage}-edge`,
        stage,
        env: { region: 'us-east-1', ...(account ? { account } : {}) },
        crossRegionReferences: true,
      });
      webAclArn = edge.firewall.webAcl.attrArn;
    }
  }

  const context: Omit<HazmatStackProps, 'manifest'> = {
    stackName: `Hazmat-${stage}`,
    env: region ? { region, ...(account ? { account } : {}) } : undefined,
    stage,
    domainName: ctx('domainName'),
    certificateArn: ctx('certificateArn'),
    iamCertificateId: ctx('iamCertificateId'),
    webAclArn,
    firewallInStack,
    crossRegionReferences: Boolean(edge),
    logLevel,
    // The same variable the site's build reads (web/vite.config.ts), so one setting reaches both.
    supportPhone: ctx('supportPhone') ?? process.env.HAZMAT_SUPPORT_PHONE,
    appVersion: ctx('appVersion') ?? packageVersion(),
    // Deployed only if it exists when synthesising (see Site).
    siteBuildDir: join(DEFAULT_REPO_ROOT, 'web', 'build'),
  };
  const stack = new HazmatStack(app, STACK_ID, { manifest, ...context, ...stackProps });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, ...(edge ? { edge } : {}) };
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(DEFAULT_REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
