/**
 * Destination of S3 server access logs (site and attachments buckets) and CloudFront standard logs.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** 等保2.0 level 3: audit records kept ≥ 180 days; a year of access logs, then expired. */
export const ACCESS_LOG_RETENTION = Duration.days(365);

export class AccessLogsBucket extends Construct {
  public readonly bucket: Bucket;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3: CloudFront standard logging cannot write to SSE-KMS buckets.
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with ACLs, so ACLs must stay enabled on this bucket.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      versioned: true,
      lifecycleRules: [
        {
          expiration: ACCESS_LOG_RETENTION,
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket itself; logging its own accesses into itself would loop. Reads of the ' +
        'logs are recorded by CloudTrail.',
    });
  }
}
