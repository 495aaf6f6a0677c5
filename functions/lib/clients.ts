/**
 * AWS clients, created once per module load (a Lambda container reuses them across invocations).
 * Locally the *_ENDPOINT variables point them at DynamoDB Local, s3rver and the in-process bus; on AWS
 * they are unset and the SDK's defaults apply. Domain modules never import this: handlers pass clients in.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from './env-names';

const endpoint = (name: string): { endpoint?: string } =>
  process.env[name] ? { endpoint: process.env[name] as string } : {};

export const dynamodb = new DynamoDBClient({ ...endpoint(ENV.dynamodbEndpoint), maxAttempts: 4 });

/** Document client: plain JS values in and out; `undefined` attributes dropped instead of failing. */
export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const s3 = new S3Client({
  ...endpoint(ENV.s3Endpoint),
  // s3rver serves buckets by path only; real S3 works either way.
  forcePathStyle: Boolean(process.env[ENV.s3Endpoint]),
});

export const eventBridge = new EventBridgeClient({ ...endpoint(ENV.eventsEndpoint) });
