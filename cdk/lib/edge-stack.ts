/**
 * The us-east-1 stack that holds the CloudFront web ACL when the platform stack is in another region: WAF's
 * CLOUDFRONT scope exists only in us-east-1. Its ARN reaches the platform stack through CDK's cross-region
 * references (an SSM parameter written here and read there by CDK's own custom resources).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/edge-firewall';

export class EdgeStack extends Stack {
  public readonly firewall: EdgeFirewall;

  public constructor(scope: Construct, id: string, props: StackProps & { stage: string }) {
    super(scope, id, { description: `hazmat CloudFront web ACL (${props.stage})`, ...props });
    this.firewall = new EdgeFirewall(this, 'EdgeFirewall', { metricPrefix: `hazmat-${props.stage}` });
  }
}
