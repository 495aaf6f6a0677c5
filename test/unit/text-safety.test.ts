import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { httpRoute } from '../../functions/lib/http/route';
import { isSafeText, unsafeTextIssues } from '../../functions/lib/http/text-safety';
import { defineRoute } from '../../functions/lib/wiring';
import { ctx, httpEvent } from '../support/events';

const logger = new Logger({ serviceName: 'test', logLevel: 'SILENT' });

const saveUnit = defineRoute({
  operationId: 'saveUnit',
  method: 'POST',
  path: '/api/units/{id}',
  public: true,
  summary: 'test route',
  params: z.object({ id: z.string() }),
  query: z.object({ q: z.optional(z.string()) }),
  body: z.object({
    unit: z.optional(z.object({ address: z.string().check(z.meta({ title: '单位地址' })) })),
    notes: z.optional(z.array(z.string())),
  }),
  response: z.object({ ok: z.boolean() }),
});

describe('control, direction and broken characters in text fields', () => {
  const route = httpRoute(saveUnit, async () => ({ ok: true }), logger);
  const post = (body: unknown, query?: Record<string, string>) =>
    route(
      httpEvent({
        method: 'POST',
        path: '/api/units/u-1',
        params: { id: 'u-1' },
        ...(query ? { query } : {}),
        rawBody: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
      ctx(),
    );

  it('accepts ordinary Chinese text, emoji and line breaks', async () => {
    expect(isSafeText('福州市鼓楼区\n五四路 1 号\t😀')).toBe(true);
    expect((await post({ unit: { address: '福州市鼓楼区\r\n五四路 1 号 😀' } })).statusCode).toBe(200);
  });

  it.each([
    ['a NUL', 'abc\u0000'],
    ['an escape', '\u001b[31m红色'],
    ['a C1 control', 'x\u0085y'],
    ['a right-to-left override', '合同\u202Etxt.exe'],
    ['a direction isolate', '\u2066隐藏\u2069'],
    ['a lone high surrogate', 'a\uD83D'],
    ['a lone low surrogate', '\uDE00b'],
  ])('refuses %s with a Chinese 400 naming the field', async (_what, bad) => {
    const r = await post({ unit: { address: bad } });
    expect(r.statusCode).toBe(400);
    const { error } = JSON.parse(r.body!);
    expect(error.message).toMatch(/^「单位地址」包含不允许的字符/);
    expect(error.details).toEqual([{ path: 'body.unit.address', message: expect.stringContaining('不允许的字符') }]);
  });

  it('walks arrays, object keys and the query string too', async () => {
    const r = await post({ notes: ['ok', 'bad\u202E'] }, { q: 'x\u0007' });
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body!).error.details.map((d: { path: string }) => d.path)).toEqual(['query.q', 'body.notes.1']);
    expect(unsafeTextIssues('body', { ['k\u0000']: 1 })).toEqual([{ path: 'body', message: expect.any(String) }]);
  });
});
