/**
 * 预警扫描's calls to the API (functions/warnings/manifest.ts) and how a run reads on the page. 立即扫描 answers at
 * once with the run; the scan runs on the server and the page polls the run for its progress.
 */
import {
  SCAN_RUN_STATUS_NAMES,
  SCAN_RUN_TRIGGER_NAMES,
  type ScanRun,
  type ScanRunPage,
} from '$shared/api/warning-scans';
import { WARNING_KIND_LABELS, type WarningKind } from '$shared/reference/warnings';
import { api } from '$lib/api/client';
import type { CursorPage } from '$lib/ui/cursor-list.svelte';

export const SCANS_PATH = '/api/warnings/scans';
export const PAGE_SIZE = 10;
/** How often a running scan is asked for its progress. */
export const POLL_MS = 1000;

export const startScan = () => api.post<ScanRun>(SCANS_PATH);

export const getScan = (runId: string, signal?: AbortSignal) =>
  api.get<ScanRun>(`${SCANS_PATH}/${encodeURIComponent(runId)}`, signal ? { signal } : {});

export async function listScans(cursor: string | undefined, signal: AbortSignal): Promise<CursorPage<ScanRun>> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) q.set('cursor', cursor);
  const page = await api.get<ScanRunPage>(`${SCANS_PATH}?${q}`, { signal });
  return { items: page.items, cursor: page.cursor ?? null };
}

export const statusName = (r: Pick<ScanRun, 'status'>) => SCAN_RUN_STATUS_NAMES[r.status];
export const triggerName = (r: Pick<ScanRun, 'trigger'>) => SCAN_RUN_TRIGGER_NAMES[r.trigger];

export function statusTone(r: Pick<ScanRun, 'status'>): 'success' | 'danger' | undefined {
  return r.status === 'done' ? 'success' : r.status === 'failed' ? 'danger' : undefined;
}

/** 「12.3 秒」: a run's duration. */
export const durationText = (ms: number) =>
  ms < 60_000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.floor(ms / 60_000)} 分 ${Math.round((ms % 60_000) / 1000)} 秒`;

/** What a running scan is doing, in words. */
export function progressText(r: ScanRun): string {
  const figures = `已读取 ${r.itemsRead} 条，新增 ${r.raised}，变更等级 ${r.regraded}，消除 ${r.cleared}`;
  if (r.status === 'running') {
    const phase =
      r.phase && r.phase in WARNING_KIND_LABELS
        ? `正在扫描${WARNING_KIND_LABELS[r.phase as WarningKind]}：`
        : '正在扫描：';
    return `${phase}${figures}`;
  }
  return `${statusName(r)}：${figures}，用时 ${durationText(r.durationMs)}`;
}
