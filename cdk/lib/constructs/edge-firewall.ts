/**
 * The WAF in front of the distribution (scope CLOUDFRONT): a per-address rate limit and AWS's managed common
 * rule set, so floods and common exploit patterns stop at the edge, before the API's own limits (per-address
 * sign-in and captcha counters, lockout) spend a Lambda invocation and a DynamoDB write on them.
 *
 * A CLOUDFRONT-scope web ACL exists only in us-east-1 (cdk/lib/app.ts decides where this construct goes: in
 * the platform stack when that is in us-east-1, else in its own us-east-1 stack). The AWS China regions have
 * no WAF for CloudFront: there it is off (context `waf=off`, the default for cn-* regions).
 */
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** Requests one address may make in any 5 minutes (WAF evaluates the rate over a 5-minute window). */
export const WAF_RATE_LIMIT_PER_5_MIN = 1500;

/**
 * Common rule set rules set to count instead of block: SizeRestrictions_BODY blocks bodies over 8 KB, which
 * the API accepts on purpose (a register form with its segments, an account import as base64 .xlsx up to the
 * API's own limit, checked by the functions).
 */
export const COUNTED_COMMON_RULES = ['SizeRestrictions_BODY'] as const;

export interface EdgeFirewallProps {
  /** Metric name prefix (CloudWatch), e.g. the stack name. */
  metricPrefix: string;
}

export class EdgeFirewall extends Construct {
  public readonly webAcl: CfnWebACL;

  public constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 128),
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'hazmat: per-address rate limit and AWS managed common rules in front of CloudFront',
      visibilityConfig: visibility('web-acl'),
      rules: [
        {
          name: 'rate-per-address',
          priority: 0,
          statement: { rateBasedStatement: { limit: WAF_RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP' } },
          action: { block: {} },
          visibilityConfig: visibility('rate-per-address'),
        },
        {
          name: 'aws-common-rule-set',
          priority: 1,
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: COUNTED_COMMON_RULES.map((name) => ({ name, actionToUse: { count: {} } })),
            },
          },
          overrideAction: { none: {} },
          visibilityConfig: visibility('aws-common-rule-set'),
        },
        {
          name: 'aws-known-bad-inputs',
          priority: 2,
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
          overrideAction: { none: {} },
          visibilityConfig: visibility('aws-known-bad-inputs'),
        },
      ],
    });
  }
}
