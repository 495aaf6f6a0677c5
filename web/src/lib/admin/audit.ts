/**
 * 审计日志's logic apart from its markup: the audit API (functions/audit/manifest.ts) for the 审计管理员, the
 * filters as a query, and how a record reads in the table. Labels of codes are in ./audit-labels.ts.
 */
import type { AuditChainStatus, AuditLogItem, AuditLogsResponse, AuditVerifyResponse } from '$shared/api/audit';
import { isRoleCode, role } from '$shared/reference/roles';
import type { FilterCodec } from '$lib/ui/url-list.svelte';
import { api } from '$lib/api/client';
import { ACTOR_KIND_LABELS, CHAIN_PROBLEM_LABELS, objectTypeLabel, type AuditOutcome } from './audit-labels';
import { addDays, beijingDate } from './time';

export const AUDIT_LOGS_PATH = '/api/audit/logs';
export const AUDIT_VERIFY_PATH = '/api/audit/verify';
export const AUDIT_PAGE_SIZE = 20;
/** The API's default range: the last 7 days, today included (shared/api/audit.ts AUDIT_DEFAULT_SPAN_DAYS). */
export const DEFAULT_SPAN_DAYS = 7;

export interface AuditFilters {
  /** YYYY-MM-DD, Beijing time, both ends included. */
  from: string;
  to: string;
  /** An action code or a prefix of whole segments ('auth'); '' for all. */
  action: string;
  /** The account's login (mobile number …); '' for all. */
  login: string;
  outcome: '' | AuditOutcome;
}

/** The filters 重置 goes back to: the last 7 days, everything. */
export function initialAuditFilters(now: number = Date.now()): AuditFilters {
  const to = beijingDate(now);
  return { from: addDays(to, -(DEFAULT_SPAN_DAYS - 1)), to, action: '', login: '', outcome: '' };
}

/**
 * The filters as the log's URL carries them: dates only when they are not the last 7 days (so a link without
 * them always means the last 7 days); a value the URL names wrongly falls back to its default.
 */
export const auditFiltersCodec: FilterCodec<AuditFilters> = {
  fromQuery(q) {
    const d = initialAuditFilters();
    const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
    const action = q.get('action') ?? '';
    const outcome = q.get('outcome') ?? '';
    return {
      from: date(q.get('from')) ?? d.from,
      to: date(q.get('to')) ?? d.to,
      action: /^[a-z][a-z0-9.-]{0,63}$/.test(action) ? action : '',
      login: (q.get('login') ?? '').trim().slice(0, 64),
      outcome: outcome === 'success' || outcome === 'failure' || outcome === 'denied' ? outcome : '',
    };
  },
  toQuery(f) {
    const d = initialAuditFilters();
    const q = new URLSearchParams();
    if (f.from && f.from !== d.from) q.set('from', f.from);
    if (f.to && f.to !== d.to) q.set('to', f.to);
    if (f.action) q.set('action', f.action);
    if (f.login.trim()) q.set('login', f.login.trim());
    if (f.outcome) q.set('outcome', f.outcome);
    return q.toString();
  },
};

export function auditQuery(f: AuditFilters, cursor?: string, limit = AUDIT_PAGE_SIZE): string {
  const q = new URLSearchParams();
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.action) q.set('action', f.action);
  if (f.login.trim()) q.set('login', f.login.trim());
  if (f.outcome) q.set('outcome', f.outcome);
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}

export function listAuditLogs(f: AuditFilters, cursor?: string, signal?: AbortSignal): Promise<AuditLogsResponse> {
  return api.get<AuditLogsResponse>(`${AUDIT_LOGS_PATH}?${auditQuery(f, cursor)}`, signal ? { signal } : {});
}

export function verifyAuditChains(): Promise<AuditVerifyResponse> {
  return api.get<AuditVerifyResponse>(AUDIT_VERIFY_PATH);
}

/** 账号 column: the login and name; for someone not signed in, the login they typed (or who they were). */
export function actorText(a: AuditLogItem['actor']): string {
  if (a.login && a.name) return `${a.login}（${a.name}）`;
  if (a.login) return a.login;
  if (a.name) return a.name;
  return ACTOR_KIND_LABELS[a.kind];
}

export function actorRolesText(a: AuditLogItem['actor']): string {
  return (a.roles ?? []).map((r) => (isRoleCode(r) ? role(r).name : r)).join('、');
}

/** 对象 column: 账号 13900000041（张三）, 会话 …; the type alone when nothing names the object. */
export function objectText(o: AuditLogItem['object']): string {
  const name = o.label ?? o.id;
  return name ? `${objectTypeLabel(o.type)} ${name}` : objectTypeLabel(o.type);
}

/** One chain's verdict, in a sentence. */
export function chainText(s: AuditChainStatus): string {
  if (s.ok) {
    return s.records === 0 ? '完整（暂无记录）' : `完整：第 ${s.firstSeq} 至第 ${s.lastSeq} 条，共 ${s.records} 条记录`;
  }
  const b = s.brokenAt;
  return b ? `第 ${b.seq} 条记录起不可信：${CHAIN_PROBLEM_LABELS[b.problem] ?? b.problem}` : '校验未通过';
}

/** The verdict over all chains, for the top of the result. */
export function verifySummary(r: AuditVerifyResponse): string {
  const records = r.shards.reduce((n, s) => n + s.records, 0);
  const broken = r.shards.filter((s) => !s.ok);
  if (r.ok) return `校验通过：${r.shards.length} 条哈希链共 ${records} 条记录完整，未发现篡改或缺失。`;
  return `校验未通过：${broken.length} 条哈希链发现问题（链编号 ${broken.map((s) => s.shard).join('、')}），请立即上报。`;
}
