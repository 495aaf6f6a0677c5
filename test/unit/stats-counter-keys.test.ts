import { describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createStore } from '../../functions/store';
import { matchesPattern, PARTITION_KEYS } from '../../functions/store/partition-keys';

const store = createStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' })), 'table');
const pkOf = (params: unknown) => ((params as { Key: { pk: string } }).Key ?? {}).pk;

/**
 * The 首页's yearly counters are written by the inspections and hazards contexts: their IAM partition (LeadingKeys)
 * must not also cover the register's enterprise counters, which only the register's writers may move.
 */
describe("the 首页 counters' partition", () => {
  const stats = pkOf(store.statsCounters.get({ statsCategory: 'hazchem', year: '2026', regionCode: '35' }).params());
  const register = pkOf(
    store.enterpriseCounters.get({ category: 'hazchem', segment: 'storage', regionCode: '35' }).params(),
  );

  it('is its own: the grant for the yearly counters matches them and not the register’s counters', () => {
    expect(stats).toBe('$hazmat#statscategory_hazchem#year_2026');
    expect(PARTITION_KEYS.statsCounters.some((p) => matchesPattern(stats, p))).toBe(true);
    expect(PARTITION_KEYS.statsCounters.some((p) => matchesPattern(register, p))).toBe(false);
  });
});
