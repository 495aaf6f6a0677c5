/**
 * The outbox relay's Lambda: the table's stream → the platform bus. Not a bounded context (no routes, no
 * subscriptions): the event-source mapping (cdk/lib/constructs/outbox-relay.ts) hands it only outbox INSERTs,
 * and the partial-batch answer tells Lambda where to retry from (functions/lib/events/relay.ts).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { eventBridge } from '../lib/clients/events';
import { config } from '../lib/config';
import { relayRecords } from '../lib/events/relay';
import { createLogger } from '../lib/logger';

const logger = createLogger('relay');

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const { batchItemFailures } = await relayRecords(event.Records, {
    client: eventBridge,
    busName: config.eventBusName,
    logger,
  });
  return { batchItemFailures };
};
