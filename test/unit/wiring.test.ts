import { describe, expect, it } from 'vitest';
import { eventPatternOf, nextScheduleTime, routeKey, scheduleUtcTime } from '../../functions/lib/wiring';
import { MANIFEST } from '../../functions/manifest';
import { ChangeRequestDecided, RegisterImportBatchRequested, RegisterImportRequested } from '../../shared/events';

describe('schedule times (Asia/Shanghai = UTC+8, no DST)', () => {
  it('puts 01:00 Shanghai at 17:00 UTC', () => {
    expect(scheduleUtcTime({ hour: 1, minute: 0, timeZone: 'Asia/Shanghai' })).toEqual({ hour: 17, minute: 0 });
  });

  it('keeps same-day times on the same UTC day', () => {
    expect(scheduleUtcTime({ hour: 9, minute: 30, timeZone: 'Asia/Shanghai' })).toEqual({ hour: 1, minute: 30 });
  });

  it('finds the next 01:00 Shanghai strictly after a moment', () => {
    const s = { hour: 1, minute: 0, timeZone: 'Asia/Shanghai' } as const;
    // 2026-11-28 16:59 UTC = 2026-11-29 00:59 Shanghai → fires one minute later.
    expect(nextScheduleTime(s, new Date('2026-11-28T16:59:00Z')).toISOString()).toBe('2026-11-28T17:00:00.000Z');
    // Exactly at the tick → the next day's tick.
    expect(nextScheduleTime(s, new Date('2026-11-28T17:00:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });
});

describe('the manifest', () => {
  it('declares each route key, operation id and schedule name once', () => {
    const keys = MANIFEST.flatMap((c) => c.routes.map(routeKey));
    const ops = MANIFEST.flatMap((c) => c.routes.map((r) => r.operationId));
    const schedules = MANIFEST.flatMap((c) => c.schedules.map((s) => s.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(ops).size).toBe(ops.length);
    expect(new Set(schedules).size).toBe(schedules.length);
  });

  it('puts every route under /api and every entry under functions/', () => {
    for (const ctx of MANIFEST) {
      expect(ctx.entry).toMatch(/^functions\/[\w-]+\/handler\.ts$/);
      for (const r of ctx.routes) expect(r.path).toMatch(/^\/api(\/|$)/);
    }
  });

  it('declares the first routes: health and the OpenAPI document, both public', () => {
    const platform = MANIFEST.find((c) => c.context === 'platform')!;
    expect(platform.routes.map((r) => [routeKey(r), r.public])).toEqual([
      ['GET /api/health', true],
      ['GET /api/openapi.json', true],
    ]);
  });

  it('lets only guarded GET routes run alongside the session check (readOnly: no write to undo)', () => {
    const readOnly = MANIFEST.flatMap((c) => c.routes.filter((r) => r.readOnly));
    expect(readOnly.length).toBeGreaterThan(0);
    for (const r of readOnly) {
      expect(r.method, r.operationId).toBe('GET');
      expect(r.public, r.operationId).toBe(false);
    }
  });

  it('builds EventBridge patterns from subscriptions', () => {
    expect(eventPatternOf({ name: 'x', events: [ChangeRequestDecided] })).toEqual({
      source: ['hazmat.register'],
      'detail-type': ['ChangeRequestDecided'],
    });
    expect(eventPatternOf({ name: 'x', events: [RegisterImportRequested, RegisterImportBatchRequested] })).toEqual({
      source: ['hazmat.imports'],
      'detail-type': ['RegisterImportRequested', 'RegisterImportBatchRequested'],
    });
  });

  it('refuses a subscription mixing sources (a pattern would match every source × detail-type pair)', () => {
    expect(() => eventPatternOf({ name: 'mixed', events: [ChangeRequestDecided, RegisterImportRequested] })).toThrow(
      /mixed must name events of exactly one source/,
    );
  });
});

describe('schedule times agree with the time-zone database', () => {
  it('maps every Shanghai hour to the UTC instant Intl says it is, in winter and summer (no DST)', () => {
    for (const month of [0, 6]) {
      for (let hour = 0; hour < 24; hour++) {
        const utc = scheduleUtcTime({ hour, minute: 15, timeZone: 'Asia/Shanghai' });
        const dayOffset = hour < 8 ? -1 : 0;
        const instant = new Date(Date.UTC(2025, month, 10 + dayOffset, utc.hour, utc.minute));
        const wall = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Shanghai',
          hour: '2-digit',
          minute: '2-digit',
          day: '2-digit',
          hourCycle: 'h23',
        }).format(instant);
        expect(wall).toBe(`10, ${String(hour).padStart(2, '0')}:15`);
      }
    }
  });

  it('refuses a time outside the day', () => {
    expect(() => scheduleUtcTime({ hour: 24, minute: 0, timeZone: 'Asia/Shanghai' })).toThrow(RangeError);
    expect(() => scheduleUtcTime({ hour: 1, minute: 60, timeZone: 'Asia/Shanghai' })).toThrow(RangeError);
  });
});
