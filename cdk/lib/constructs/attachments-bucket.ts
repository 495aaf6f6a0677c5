/**
 * Attachments (README: Attachments): browsers upload straight to S3 with presigned POSTs and download with presigned
 * GETs, both issued by the functions after a scope check. The bucket is private; CORS lets only the site's
 * origin read the answers.
 *
 * The bucket name is computed by CloudFormation from the stack's own id (`AWS::StackId`), not written here:
 * the CloudFront security-headers policy must name the bucket's endpoint in its CSP while the bucket's CORS
 * names the distribution's domain — referencing the bucket resource from the policy would close a cycle
 * (bucket → distribution → headers policy → bucket). Deriving the name from the stack id gives both sides the
 * same value without either depending on the other, and it is unique per stack (a re-created stack gets a new
 * id, so a retained bucket from an earlier stack never collides).
 */
import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AttachmentsBucketProps {
  /** `attachmentsBucketName()`, also used by the site's CSP. */
  bucketName: string;
  /** The only origin allowed by CORS: `https://<distribution domain>` or `https://<domainName>`. */
  siteOrigin: string;
  accessLogs: IBucket;
}

/** `hazmat-attachments-<uuid of the stack id>`: 55 characters, lower case, unique per stack. */
export function attachmentsBucketName(): string {
  return Fn.join('', ['hazmat-attachments-', Fn.select(2, Fn.split('/', Aws.STACK_ID))]);
}

/** The regional virtual-hosted endpoint the AWS SDK v3 presigns against: `https://<bucket>.s3.<region>.<suffix>`. */
export function attachmentsOrigin(bucketName: string): string {
  return `https://${bucketName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`;
}

export class AttachmentsBucket extends Construct {
  public readonly bucket: Bucket;

  public constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // An overwritten or deleted attachment stays recoverable (evidence for hazards and inspections).
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      cors: [
        {
          allowedOrigins: [props.siteOrigin],
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          // The request's authority is in the presigned URL/policy, not in headers; any header may be sent.
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
