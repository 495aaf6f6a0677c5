/**
 * The DynamoDB clients, created once per container (Lambda reuses them across invocations). Each AWS client
 * has its own module so a context's bundle carries only the SDK clients it imports.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../env-names';
import { endpointFrom } from './endpoint';

export const dynamodb = new DynamoDBClient({ ...endpointFrom(ENV.dynamodbEndpoint), maxAttempts: 4 });

/** Document client: plain JS values in and out; `undefined` attributes dropped instead of failing. */
export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});
