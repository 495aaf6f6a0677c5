/**
 * The local stack for an API or browser test file: DynamoDB Local in memory, free ports, the store on the
 * same table, and (optionally) the demo seed — the same function `npm start` uses.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../../functions/local/ports';
import { seedIfEmpty, type SeedSummary } from '../../functions/local/seed';
import { LOCAL_NAMES, startLocalStack, type LocalStack } from '../../functions/local/stack';
import { createStore, type Store } from '../../functions/store';

export interface TestStack {
  stack: LocalStack;
  store: Store;
  /** Present when the stack was seeded. */
  seeded: SeedSummary;
  url: string;
  stop(): Promise<void>;
}

export async function startTestStack(opts: { seedEnterprises?: number } = {}): Promise<TestStack> {
  const stack = await startLocalStack({
    port: await freePort(),
    dynamoPort: await freePort(),
    s3Port: await freePort(),
    busPort: await freePort(),
  });
  const store = createStore(DynamoDBDocumentClient.from(stack.dynamodb), LOCAL_NAMES.table);
  const seeded =
    opts.seedEnterprises === undefined
      ? (undefined as unknown as SeedSummary)
      : await seedIfEmpty(store, { enterprises: opts.seedEnterprises });
  return { stack, store, seeded, url: stack.url, stop: () => stack.stop() };
}
