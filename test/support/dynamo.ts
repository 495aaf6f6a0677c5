import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createStore, type Store } from '../../functions/store';
import { ensureTable } from '../../functions/store/provision';

export interface TestTable {
  name: string;
  client: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  store: Store;
  drop(): Promise<void>;
}

/** A fresh table, built from the same definition as the stack, on the run's DynamoDB Local. */
export async function testTable(prefix = 'test'): Promise<TestTable> {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, name);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    name,
    client,
    documents,
    store: createStore(documents, name),
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: name }));
      client.destroy();
    },
  };
}
