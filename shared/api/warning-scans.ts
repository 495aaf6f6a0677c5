/**
 * Contracts of 预警扫描 (系统管理): start a scan now, follow its progress, list the runs (the daily ones too).
 */
import * as z from 'zod/mini';
import { pageQueryFields } from './paging';

export const SCAN_RUN_ID_PATTERN = /^wsr-[0-9a-z]{8,40}$/;

export const SCAN_RUN_STATUS_NAMES = { running: '扫描中', done: '已完成', failed: '失败' } as const;
export const SCAN_RUN_TRIGGER_NAMES = { schedule: '每日定时', manual: '立即扫描', seed: '演示数据' } as const;

export const ScanRun = z.object({
  runId: z.string(),
  trigger: z.enum(['schedule', 'manual', 'seed']),
  today: z.string(),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  status: z.enum(['running', 'done', 'failed']),
  startedByName: z.optional(z.string()),
  phase: z.optional(z.string()),
  itemsRead: z.number(),
  itemsDue: z.number(),
  raised: z.number(),
  regraded: z.number(),
  cleared: z.number(),
  /** Milliseconds from start to finish (or to now while running). */
  durationMs: z.number(),
  error: z.optional(z.string()),
});
export type ScanRun = z.output<typeof ScanRun>;

export const ScanRunPage = z.object({ items: z.array(ScanRun), cursor: z.optional(z.string()) });
export type ScanRunPage = z.output<typeof ScanRunPage>;

export const ScanRunQuery = z.object({ ...pageQueryFields({ max: 50, fallback: 20 }) });

export const ScanRunParams = z.object({
  runId: z
    .string({ error: '扫描编号不正确' })
    .check(z.regex(SCAN_RUN_ID_PATTERN, { error: '扫描编号不正确' }), z.meta({ title: '扫描编号' })),
});
