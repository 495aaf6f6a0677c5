/**
 * The inspection screens' calls to the API (functions/inspections/manifest.ts): pickers, 创建独立检查任务,
 * 双随机 draws and 开始检查, 联合检查任务, and the portal's public draw record.
 */
import type { DrawView, InspectionTaskView, PublicDraw } from '$shared/api/inspections';
import { api } from '$lib/api/client';

const BASE = '/api/inspections';
const enc = encodeURIComponent;

export interface PickerItem {
  enterpriseId: string;
  name: string;
  uscc?: string;
  regionCode: string;
  regionName: string;
  burden: number;
}
export interface PickerPage {
  jurisdictionName: string;
  segmentName: string;
  total: number;
  items: PickerItem[];
  cursor: string | null;
}
export interface TeamChoices {
  officers: { officerId: string; name: string; regionCode: string }[];
  experts: { expertId: string; name: string; employer: string; regionCode: string }[];
}
export interface JointRow {
  role: 'lead' | 'participant';
  answer: 'pending' | 'agreed' | 'refused';
  task: InspectionTaskView;
}

export function pickEnterprises(q: { segment: string; name?: string; cursor?: string | null }, signal?: AbortSignal) {
  const s = new URLSearchParams({ segment: q.segment, limit: '10' });
  if (q.name) s.set('name', q.name);
  if (q.cursor) s.set('cursor', q.cursor);
  return api.get<PickerPage>(`${BASE}/enterprise-picker?${s}`, signal ? { signal } : {});
}

export const teamChoices = () => api.get<TeamChoices>(`${BASE}/team-choices`);
export const createIndependent = (body: unknown) =>
  api.post<{ batchId: string; taskIds: string[] }>(`${BASE}/independent-tasks`, body);
export const createJoint = (body: unknown) =>
  api.post<{ batchId: string; taskIds: string[] }>(`${BASE}/joint-tasks`, body);
export const drawOnce = (body: unknown) => api.post<DrawView>(`${BASE}/draws`, body);
export const getDraw = (drawId: string) => api.get<DrawView>(`${BASE}/draws/${enc(drawId)}`);
export const startFromDraw = (drawId: string, body: unknown) =>
  api.post<{ batchId: string; taskIds: string[] }>(`${BASE}/draws/${enc(drawId)}/tasks`, body);

export function listJoint(answer: string, cursor?: string | null) {
  const s = new URLSearchParams({ limit: '10' });
  if (answer) s.set('answer', answer);
  if (cursor) s.set('cursor', cursor);
  return api.get<{ items: JointRow[]; cursor: string | null }>(`${BASE}/joint-tasks?${s}`);
}
export const answerJoint = (taskId: string, body: { answer: 'agreed' | 'refused'; reason?: string }) =>
  api.post<InspectionTaskView>(`${BASE}/joint-tasks/${enc(taskId)}/answer`, body);
export const dropDepartment = (taskId: string, department: string, version: number) =>
  api.post<InspectionTaskView>(`${BASE}/joint-tasks/${enc(taskId)}/drop`, { department, version });
export const cancelJoint = (taskId: string, reason: string, version: number) =>
  api.post<InspectionTaskView>(`${BASE}/joint-tasks/${enc(taskId)}/cancel`, { reason, version });

export const publicDraw = (drawId: string) => api.get<PublicDraw>(`/api/public/draws/${enc(drawId)}`);

// STUB until h-checklists merges: the two checklists the stub kernel knows (functions/lib/checklists/read.ts);
// the picker becomes H1's GET /api/checklists?kind=… once merged.
export const CHECKLISTS = {
  independent: [{ checklistId: 'stub-independent', name: '危险化学品经营储存检查清单', itemCount: 5 }],
  joint: [{ checklistId: 'stub-joint', name: '危险化学品联合检查清单', itemCount: 5 }],
} as const;

export const today = () => new Date().toISOString().slice(0, 10);
export const plusDays = (d: string, n: number) =>
  new Date(new Date(`${d}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
