/**
 * The platform context's Lambda: health, the OpenAPI document, and the daily housekeeping tick.
 */
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { Reply } from '../lib/http/responses';
import { createLogger } from '../lib/logger';
import { MANIFEST } from '../manifest';
import { createStore, type Store } from '../store';
import { checkHealth, recordScheduleRun } from './health';
import { getHealth, getOpenApi, platformManifest } from './manifest';
import { buildOpenApi } from './openapi';

const logger = createLogger('platform');

let store: Store | undefined;
/** Built on first use: the table name is known only once the environment is set. */
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

let openApi: Record<string, unknown> | undefined;

export const handler = contextHandler(
  platformManifest,
  {
    routes: {
      getHealth: httpRoute(
        getHealth,
        async () => {
          const health = await checkHealth(storeOf(), config.appVersion);
          return new Reply(health, health.status === 'ok' ? 200 : 503);
        },
        logger,
      ),
      getOpenApi: httpRoute(
        getOpenApi,
        async () => (openApi ??= buildOpenApi(MANIFEST, config.appVersion)) as { openapi: string },
        logger,
      ),
    },
    jobs: {
      daily: async (tick, log) => {
        const recorded = await recordScheduleRun(storeOf(), 'daily', tick.time);
        log.info(recorded ? 'daily tick recorded' : 'duplicate or late daily tick ignored', { time: tick.time });
      },
    },
  },
  logger,
);
