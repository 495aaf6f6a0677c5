/**
 * Where the audit context anchors the chain heads each day (functions/audit/anchors.ts): S3 Object Lock in
 * compliance mode, so an anchor can be neither overwritten nor deleted by anyone — the functions, an admin,
 * the account's root — until its retention ends. Retention covers the audit records' own life in the table
 * (400 days, functions/lib/audit/entry.ts), well over 等保2.0's 180 days.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectLockRetention, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export const AUDIT_ANCHOR_RETENTION_DAYS = 400;

export class AuditAnchorBucket extends Construct {
  public readonly bucket: Bucket;

  public constructor(scope: Construct, id: string, props: { accessLogs: IBucket }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Object Lock needs versioning; every version is locked.
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(AUDIT_ANCHOR_RETENTION_DAYS)),
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'audit-anchors/',
      lifecycleRules: [{ expiration: Duration.days(AUDIT_ANCHOR_RETENTION_DAYS + 1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
