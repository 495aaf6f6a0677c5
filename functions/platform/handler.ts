/**
 * The platform context's Lambda: health, the OpenAPI document, and the daily housekeeping tick.
 */
import { config } from '../lib/config';
import { defineHandler } from '../lib/handler';
import { Reply } from '../lib/http/responses';
import { MANIFEST } from '../manifest';
import { checkHealth, recordScheduleRun } from './health';
import { platformManifest } from './manifest';
import { buildOpenApi } from './openapi';

let openApi: Record<string, unknown> | undefined;

export const handler = defineHandler(platformManifest, ({ store }) => ({
  routes: {
    getHealth: async () => {
      const health = await checkHealth(store, config.appVersion);
      return new Reply(health, health.status === 'ok' ? 200 : 503);
    },
    getOpenApi: async () => (openApi ??= buildOpenApi(MANIFEST, config.appVersion)) as { openapi: string },
  },
  jobs: {
    daily: async (tick, log) => {
      const recorded = await recordScheduleRun(store, 'daily', tick.time);
      log.info(recorded ? 'daily tick recorded' : 'duplicate or late daily tick ignored', { time: tick.time });
    },
  },
}));
