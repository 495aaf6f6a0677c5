/**
 * Environment variables a function reads, named once: the CDK stack sets them on every function,
 * the local runtime sets them in-process, and `config.ts` reads them.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  bucketName: 'ATTACHMENTS_BUCKET',
  /** The bucket (S3 Object Lock) the audit context anchors the chain heads in. */
  auditAnchorBucket: 'AUDIT_ANCHOR_BUCKET',
  eventBusName: 'EVENT_BUS_NAME',
  /** Only locally: endpoints of DynamoDB Local, s3rver and the in-process bus. Unset on AWS. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  s3Endpoint: 'S3_ENDPOINT',
  eventsEndpoint: 'EVENTS_ENDPOINT',
  /** The site's origin, for CORS on presigned uploads and for CSRF checks. */
  siteOrigin: 'SITE_ORIGIN',
  appVersion: 'APP_VERSION',
  /** The 技术支撑 客服电话 the error messages name (shared/support.ts). */
  supportPhone: 'HAZMAT_SUPPORT_PHONE',
  /**
   * The secret CloudFront adds to every API request as `x-origin-verify` (functions/lib/http/origin-verify.ts):
   * on AWS the ARN of the Secrets Manager secret (read at run time, never a literal in config); locally the
   * value itself, made up at each start and shared with the local gateway, which adds the header.
   */
  originSecretArn: 'ORIGIN_SECRET_ARN',
  originSecret: 'ORIGIN_SECRET',
  /** Powertools logger settings. */
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  logLevel: 'POWERTOOLS_LOG_LEVEL',
} as const;
