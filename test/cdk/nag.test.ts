/**
 * cdk-nag AwsSolutions: no finding may be left unacknowledged.
 *
 * cdk-nag v3 is a CDK policy-validation plugin: its findings go to the validation report, not to construct
 * annotations, so `Annotations.fromStack(stack).findError('*', /AwsSolutions-/)` would find nothing even with
 * violations present. Instead each app is checked twice: `app.synth()` (the plugin is registered as in
 * cdk/bin/app.ts and throws on any unacknowledged finding), and the pack run directly over the synthesised tree,
 * whose violations must be an empty list. A negative control proves the check can fail.
 */
import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST } from '../../functions/manifest';
import { createApp } from '../../cdk/lib/app';
import { SYNTHETIC_MANIFEST, cdkJsonContext, synth } from './support';

/** Unacknowledged AwsSolutions findings, as `rule @ construct path`. */
function findings(app: App): string[] {
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`));
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A small SvelteKit-like static build to deploy. */
function siteBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hazmat-web-build-'));
  dirs.push(dir);
  const files: Record<string, string> = {
    'index.html': '<script>boot("index")</script>',
    '200.html': '<script>boot()</script>',
    'enterprise/login.html': '<script>boot("login")</script>',
    '_app/immutable/entry/start.abc.js': 'export {}',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('cdk-nag AwsSolutions', () => {
  it('the real manifest: synth passes and no finding is unacknowledged', () => {
    const { app } = synth(MANIFEST);
    expect(findings(app)).toEqual([]);
  });

  it('a manifest with subscriptions, schedules and every grant: no unacknowledged finding', () => {
    const { app } = synth(SYNTHETIC_MANIFEST);
    expect(findings(app)).toEqual([]);
  });

  it('with the built site deployed (BucketDeployment) and a region: no unacknowledged finding', () => {
    const build = siteBuild();
    const { app, template } = synth(MANIFEST, { siteBuildDir: build, env: { region: 'cn-north-1' } });
    expect(findings(app)).toEqual([]);
    template.resourceCountIs('Custom::CDKBucketDeployment', 2);
    // The deployed pages' inline boot scripts are allowed by hash; prerendered pages are served as such.
    const csp = JSON.stringify(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(csp.match(/'sha256-/g)).toHaveLength(3);
    const fn = Object.values(template.findResources('AWS::CloudFront::Function'))[0]!;
    expect(fn.Properties.FunctionCode).toContain('"/enterprise/login":1');
  });

  it('in another region: the web ACL in its own us-east-1 stack, both stacks clean; none in China by default', () => {
    const { app, stack, edge } = createApp({
      manifest: MANIFEST,
      appProps: {
        context: { ...cdkJsonContext(), 'aws:cdk:disable-stack-trace': true, region: 'eu-west-1' },
        builtinCloudFormationValidation: false,
      },
      stackProps: { siteBuildDir: undefined },
    });
    app.synth();
    expect(findings(app)).toEqual([]);
    expect(edge?.region).toBe('us-east-1');
    Template.fromStack(edge!).resourceCountIs('AWS::WAFv2::WebACL', 1);
    Template.fromStack(stack).resourceCountIs('AWS::WAFv2::WebACL', 0);
    const china = synth(MANIFEST, { env: { region: 'cn-northwest-1' } });
    china.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
  });

  it('with a custom domain and ACM certificate: TLSv1.2_2021, and CORS/SITE_ORIGIN use the domain', () => {
    const { app, template } = synth(MANIFEST, {
      domainName: 'hazmat.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000',
    });
    expect(findings(app)).toEqual([]);
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig).toMatchObject({
      Aliases: ['hazmat.example.com'],
      ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://hazmat.example.com'] })] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SITE_ORIGIN: 'https://hazmat.example.com' }) },
    });
  });

  it('in an AWS China region with an ICP-filed domain and IAM server certificate', () => {
    const { app, template } = synth(MANIFEST, {
      env: { region: 'cn-northwest-1' },
      domainName: 'hazmat.example.com.cn',
      iamCertificateId: 'ASCAEXAMPLEIAMCERTID',
    });
    expect(findings(app)).toEqual([]);
    const dist = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    expect(dist.Properties.DistributionConfig).toMatchObject({
      Aliases: ['hazmat.example.com.cn'],
      ViewerCertificate: {
        IamCertificateId: 'ASCAEXAMPLEIAMCERTID',
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
    expect(JSON.stringify(template.toJSON())).not.toContain('arn:aws:');
  });

  it('rejects a domain without a certificate instead of deploying a broken site', () => {
    expect(() => synth(MANIFEST, { domainName: 'hazmat.example.com' })).toThrow(/needs a certificate/);
  });

  it('negative control: an unacknowledged finding is reported and fails synthesis', () => {
    const { app, stack } = createApp({
      manifest: MANIFEST,
      appProps: {
        context: { ...cdkJsonContext(), 'aws:cdk:disable-stack-trace': true },
        builtinCloudFormationValidation: false,
      },
      stackProps: { siteBuildDir: undefined },
    });
    new Bucket(stack, 'Unacknowledged');
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-S1/);
    expect(findings(app)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 @ Hazmat/Unacknowledged/Resource',
        'AwsSolutions-S10 @ Hazmat/Unacknowledged/Resource',
      ]),
    );
  });
});
