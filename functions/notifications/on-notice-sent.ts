/**
 * NoticeSent → one message per account that must hear of it: the regulator accounts of each receiving
 * department, enabled, doing inspection business (the notice routes' own admission: 检查人员 holding no admin
 * role), whose jurisdiction covers the enterprise's region and who are granted one of its categories — the
 * same people who can open the notice.
 *
 * Idempotent the way ChangeRequestDecided is (on-change-decided.ts): each message's id is derived from the
 * notice (`ntc-…`, the same for every recipient, in the recipient's own partition) and its time is the
 * sending's, so a redelivery addresses the same items; each put is conditioned on absence with the unread
 * counter in its transaction, so a recipient already told is skipped and the counter doesn't move twice.
 */
import type { EntityItem } from 'electrodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { NoticeSent } from '../../shared/events/notices';
import { department as departmentOf } from '../../shared/reference/departments';
import { regionPrefixMatches } from '../../shared/reference/regions';
import { doesBusiness } from '../../shared/reference/roles';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage } from './deliver';

export const NOTICE_KIND = 'noticeSent';

type Account = EntityItem<Store['accounts']>;

/** Whether an account of a receiving department is told of a notice about an enterprise here, in these categories. */
export function isNoticeRecipient(a: Account, d: Pick<NoticeSent, 'regionCode' | 'categories'>): boolean {
  const roles = [...(a.roles ?? [])];
  return (
    a.kind === 'regulator' &&
    !a.disabled &&
    roles.includes('inspector') &&
    doesBusiness(roles) &&
    regionPrefixMatches(a.regionCode ?? '', d.regionCode) &&
    d.categories.some((c) => (a.categories ?? []).includes(c))
  );
}

/**
 * The department's accounts whose jurisdiction can cover `regionCode`: those at the province ('35', an exact
 * key) and those of the enterprise's city and its counties (a `begins_with`) — two Queries on the accounts'
 * department index, paged through, never the whole department's other cities.
 */
async function departmentAccounts(store: Store, department: string, regionCode: string): Promise<Account[]> {
  const byDept = () => store.accounts.query.byDepartment({ department });
  const [province, city] = await Promise.all([
    byDept().between({ regionCode: '35' }, { regionCode: '35' }).go({ pages: 'all' }),
    regionCode.length >= 4
      ? byDept()
          .begins({ regionCode: regionCode.slice(0, 4) })
          .go({ pages: 'all' })
      : Promise.resolve({ data: [] as Account[] }),
  ]);
  return [...province.data, ...city.data];
}

export async function noticeRecipients(store: Store, d: NoticeSent): Promise<string[]> {
  const found = await Promise.all(d.receivers.map((r) => departmentAccounts(store, r, d.regionCode)));
  return [
    ...new Set(
      found
        .flat()
        .filter((a) => isNoticeRecipient(a, d))
        .map((a) => a.accountId),
    ),
  ].sort();
}

export function messageOf(d: NoticeSent): { title: string; body: string } {
  const from = departmentOf(d.department).display;
  return {
    title: `收到${from}的通报`,
    body: `${from}就「${d.enterpriseName}」向本单位发出通报：${d.summary}`,
  };
}

/** Handle one delivery: how many messages it wrote and how many recipients already had theirs. */
export async function onNoticeSent(
  store: Store,
  event: Pick<DeliveredEvent<NoticeSent>, 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicate: number }> {
  const d = event.detail.data;
  const { title, body } = messageOf(d);
  const createdAt = new Date(d.sentAt).toISOString();
  const notificationId = d.noticeId;
  let written = 0;
  let duplicate = 0;
  for (const recipient of await noticeRecipients(store, d)) {
    const outcome = await deliverMessage(
      store,
      {
        recipient,
        notificationId,
        kind: NOTICE_KIND,
        title,
        body,
        subjectType: 'notice',
        subjectId: d.noticeId,
        createdAt,
      },
      { requestId: event.detail.eventId, details: { notice: d.noticeId } },
    );
    if (outcome === 'written') written++;
    else duplicate++;
  }
  logger.info('NoticeSent delivered', { eventId: event.detail.eventId, noticeId: d.noticeId, written, duplicate });
  return { written, duplicate };
}
