/**
 * Inspection events → inbox messages (issue 11 §7), every one to regulators — an inspection never writes to an
 * enterprise's inbox (a 暗查 must not be announced to the enterprise, and a 明查 is announced by the team, not
 * the platform):
 * - InspectionAssigned → each officer on a task's team: 检查任务 (the task's 登记 page);
 * - JointInspectionInvited → each 参检部门's inspectors covering the enterprise (recipients.ts): 联合检查邀请
 *   (联合检查任务, where they answer);
 * - JointInspectionAnswered → the 牵头检查部门's side: the task's creator and the lead department's officers on the
 *   team: 同意 / 拒绝 (联合检查任务, where the lead drops a refusal or cancels).
 *
 * Idempotent as every consumer here: a message's id is derived from the task (and the answering department),
 * its time is the event's, and it is created only if absent with the unread counter in the same transaction —
 * a redelivered event writes nothing, an out-of-order one lands where its time sorts it. Each recipient is its
 * own transaction, so a redelivery after a partial failure completes the rest.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type {
  InspectionAssigned,
  JointInspectionAnswered,
  JointInspectionInvited,
} from '../../shared/events/inspections';
import { INSPECTION_KIND_LABELS } from '../../shared/api/inspections';
import { department } from '../../shared/reference/departments';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage, type InboxMessage } from './deliver';
import { departmentInspectors, enabledRegulators } from './recipients';

/** What both batch events say of each task. */
type TaskRef = Omit<InspectionAssigned['tasks'][number], 'officers'>;
export type InspectionEventKind = 'InspectionAssigned' | 'JointInspectionInvited' | 'JointInspectionAnswered';
type InspectionEvent = InspectionAssigned | JointInspectionInvited | JointInspectionAnswered;

/** What the link opens: the task's 登记 page, or 联合检查任务 (the joint messages). */
export const TASK_SUBJECT = 'inspectionTask';
export const JOINT_SUBJECT = 'jointInspection';

const about = (t: Pick<TaskRef, 'enterpriseName' | 'plannedStart' | 'plannedEnd'>) =>
  `检查对象：${t.enterpriseName}，计划时间：${t.plannedStart} 至 ${t.plannedEnd}。`;

/** Ids in the recipient's partition: one per task (and answering department), however often it is delivered. */
export const assignedId = (taskId: string) => `asg-${taskId}`;
export const invitedId = (taskId: string) => `jnv-${taskId}`;
export const answeredId = (taskId: string, answering: string) => `jna-${taskId}-${answering}`;

export function assignedMessage(t: TaskRef): Pick<InboxMessage, 'kind' | 'title' | 'body'> {
  return {
    kind: 'inspectionAssigned',
    title: '新的检查任务',
    body:
      `您已被列入${department(t.department).display}${INSPECTION_KIND_LABELS[t.kind]}「${t.title}」的检查组。${about(t)}` +
      (t.form === 'covert' ? '本次为暗查，请勿提前告知企业。' : '请按计划到企业检查并登记。'),
  };
}

export function invitedMessage(t: TaskRef): Pick<InboxMessage, 'kind' | 'title' | 'body'> {
  return {
    kind: 'jointInspectionInvited',
    title: '联合检查邀请',
    body: `${department(t.department).display}邀请本部门参加联合检查「${t.title}」。${about(t)}请在联合检查任务中答复同意或拒绝。`,
  };
}

export function answeredMessage(d: JointInspectionAnswered): Pick<InboxMessage, 'kind' | 'title' | 'body'> {
  const who = department(d.answeringDepartment).display;
  const reason = d.reason?.replace(/[。.！!；;，,\s]+$/u, '');
  const next =
    d.answer === 'refused'
      ? '请在联合检查任务中移除该部门或取消检查。'
      : d.status === 'open'
        ? '全部参检部门已同意，可以开始登记。'
        : '仍有参检部门未答复。';
  return {
    kind: 'jointInspectionAnswered',
    title: d.answer === 'agreed' ? '参检部门同意联合检查' : '参检部门拒绝联合检查',
    body:
      `${who}${d.answer === 'agreed' ? '同意' : '拒绝'}参加联合检查「${d.title}」（检查对象：${d.enterpriseName}）` +
      `${reason ? `，原因：${reason}` : ''}。${next}`,
  };
}

/** The lead's side of a joint task: its creator and the team's officers of the lead department, enabled. */
async function leadRecipients(store: Store, d: JointInspectionAnswered): Promise<string[]> {
  const accounts = await enabledRegulators(store, [d.createdBy.accountId, ...d.team.map((o) => o.officerId)]);
  return accounts
    .filter((a) => a.accountId === d.createdBy.accountId || a.department === d.department)
    .map((a) => a.accountId)
    .sort();
}

interface Delivery {
  recipients: string[];
  message: Omit<InboxMessage, 'recipient'>;
}

/** Every (recipients, message) one event makes. */
async function deliveriesOf(store: Store, type: InspectionEventKind, d: InspectionEvent): Promise<Delivery[]> {
  switch (type) {
    case 'InspectionAssigned': {
      const e = d as InspectionAssigned;
      const createdAt = new Date(e.assignedAt).toISOString();
      // Only accounts that exist and may sign in: one BatchGet for the whole batch's teams.
      const enabled = new Set(
        (
          await enabledRegulators(
            store,
            e.tasks.flatMap((t) => t.officers.map((o) => o.officerId)),
          )
        ).map((a) => a.accountId),
      );
      return e.tasks.map((t) => ({
        recipients: [...new Set(t.officers.map((o) => o.officerId))].filter((id) => enabled.has(id)),
        message: {
          notificationId: assignedId(t.taskId),
          ...assignedMessage(t),
          subjectType: TASK_SUBJECT,
          subjectId: t.taskId,
          subjectCategory: t.category,
          createdAt,
        },
      }));
    }
    case 'JointInspectionInvited': {
      const e = d as JointInspectionInvited;
      const createdAt = new Date(e.invitedAt).toISOString();
      return Promise.all(
        e.tasks.map(async (t) => ({
          recipients: await departmentInspectors(store, t.departments, {
            regionCode: t.enterpriseRegionCode,
            categories: [t.category],
          }),
          message: {
            notificationId: invitedId(t.taskId),
            ...invitedMessage(t),
            subjectType: JOINT_SUBJECT,
            subjectId: t.taskId,
            subjectCategory: t.category,
            createdAt,
          },
        })),
      );
    }
    case 'JointInspectionAnswered': {
      const e = d as JointInspectionAnswered;
      return [
        {
          recipients: await leadRecipients(store, e),
          message: {
            notificationId: answeredId(e.taskId, e.answeringDepartment),
            ...answeredMessage(e),
            subjectType: JOINT_SUBJECT,
            subjectId: e.taskId,
            subjectCategory: e.category,
            createdAt: new Date(e.answeredAt).toISOString(),
          },
        },
      ];
    }
  }
}

/** Handle one delivery: how many messages it wrote and how many were there already. */
export async function onInspectionEvent(
  store: Store,
  event: Pick<DeliveredEvent<InspectionEvent>, 'detail' | 'detail-type'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicates: number }> {
  const type = event['detail-type'] as InspectionEventKind;
  let written = 0;
  let duplicates = 0;
  for (const { recipients, message } of await deliveriesOf(store, type, event.detail.data)) {
    for (const recipient of recipients) {
      const outcome = await deliverMessage(
        store,
        { ...message, recipient },
        {
          requestId: `${event.detail.eventId}-${recipient}`,
          details: { inspectionTask: message.subjectId, event: type },
        },
      );
      if (outcome === 'written') written++;
      else duplicates++;
    }
  }
  logger.info('inspection event → inbox', { eventId: event.detail.eventId, type, written, duplicates });
  return { written, duplicates };
}
