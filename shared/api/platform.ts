import * as z from 'zod/mini';

export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).check(z.describe('ok when every dependency answered')),
    version: z.string().check(z.describe('the deployed build')),
    time: z.iso.datetime().check(z.describe('server time, UTC')),
    store: z.object({
      reachable: z.boolean(),
      latencyMs: z.number().check(z.nonnegative()),
    }),
    scheduler: z.object({
      lastDailyRunAt: z
        .nullable(z.iso.datetime())
        .check(z.describe('when the daily schedule last ran; null before the first run')),
    }),
  })
  .check(z.meta({ id: 'HealthResponse' }));
export type HealthResponse = z.infer<typeof HealthResponse>;

/** An OpenAPI 3.1 document; its shape is OpenAPI's, not ours to restate. */
export const OpenApiDocument = z.looseObject({ openapi: z.string() }).check(z.meta({ id: 'OpenApiDocument' }));
