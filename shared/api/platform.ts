import { z } from 'zod';

export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).describe('ok when every dependency answered'),
    version: z.string().describe('the deployed build'),
    time: z.iso.datetime().describe('server time, UTC'),
    store: z.object({
      reachable: z.boolean(),
      latencyMs: z.number().nonnegative(),
    }),
    scheduler: z.object({
      lastDailyRunAt: z.iso
        .datetime()
        .nullable()
        .describe('when the daily schedule last ran; null before the first run'),
    }),
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** An OpenAPI 3.1 document; its shape is OpenAPI's, not ours to restate. */
export const OpenApiDocument = z.looseObject({ openapi: z.string() }).meta({ id: 'OpenApiDocument' });
