/**
 * WarningsRaised → inbox messages (issue 12 §5): each new 红 / 橙 warning of a scan to the enterprise's accounts
 * and to the responsible regulators (the group's department at the group's region level, 检查人员 holding the
 * warning's category). More than DIGEST_THRESHOLD for one recipient in one scan → ONE digest message instead.
 *
 * Idempotent as every consumer here: message ids come from the run and the warning (or the run alone for the
 * digest), so a redelivered event finds its messages and writes nothing more.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { WarningsRaised } from '../../shared/events/warnings';
import { WARNING_GRADE_LABELS, WARNING_KIND_LABELS } from '../../shared/reference/warnings';
import type { DeliveredEvent } from '../lib/dispatch';
import type { Store } from '../store';
import { deliverMessage } from './deliver';
import { enterpriseRecipients } from './on-hazard';

/** More than this many for one recipient in one scan → one digest. */
export const WARNING_DIGEST_THRESHOLD = 10;

type Group = WarningsRaised['groups'][number];
type Listed = Group['warnings'][number];

const short = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

export const warningMessageId = (runId: string, warningId: string) => `wr-${runId}-${short(warningId)}`;
export const warningDigestId = (runId: string) => `wd-${runId}`;

async function regulatorsOf(store: Store, department: string, regionCode: string) {
  const { data } = await store.accounts.query.byDepartment({ department, regionCode }).go({ pages: 'all' });
  return data.filter((a) => a.kind === 'regulator' && !a.disabled && (a.roles ?? []).includes('inspector'));
}

/** Handle one delivery: messages written and those that were there already. */
export async function onWarningsRaised(
  store: Store,
  event: Pick<DeliveredEvent<WarningsRaised>, 'detail'>,
  logger: Pick<Logger, 'info'>,
): Promise<{ written: number; duplicates: number }> {
  const { runId, day, groups } = event.detail.data;
  const createdAt = new Date(event.detail.occurredAt).toISOString();
  let written = 0;
  let duplicates = 0;
  const deliver = async (recipient: string, notificationId: string, title: string, body: string, subjectId: string) => {
    const outcome = await deliverMessage(
      store,
      { recipient, notificationId, kind: 'warningRaised', title, body, subjectType: 'warning', subjectId, createdAt },
      { requestId: `${event.detail.eventId}-${recipient}`.slice(0, 128), details: { run: runId } },
    );
    if (outcome === 'written') written++;
    else duplicates++;
  };
  const send = async (recipient: string, listed: readonly Listed[], count: number) => {
    if (count === 0) return;
    if (count > WARNING_DIGEST_THRESHOLD || listed.length < count) {
      const red = listed.filter((w) => w.grade === 'red').length;
      await deliver(
        recipient,
        warningDigestId(runId),
        '预警日报',
        `${day} 预警扫描新增红色、橙色预警共 ${count} 条${listed.length === count ? `（红色 ${red} 条，橙色 ${count - red} 条）` : ''}，请到“大数据预警”查看处理。`,
        runId,
      );
      return;
    }
    for (const w of listed) {
      await deliver(
        recipient,
        warningMessageId(runId, w.warningId),
        `${WARNING_GRADE_LABELS[w.grade]}：${WARNING_KIND_LABELS[w.kind]}`,
        `${w.enterpriseName}：${w.subject}。`,
        w.warningId,
      );
    }
  };
  for (const g of groups) {
    if (g.audience.kind === 'enterprise') {
      for (const r of await enterpriseRecipients(store, g.audience.enterpriseId)) await send(r, g.warnings, g.count);
    } else {
      const complete = g.warnings.length === g.count;
      for (const a of await regulatorsOf(store, g.audience.department, g.audience.regionCode)) {
        const mine = g.warnings.filter((w) => (a.categories ?? []).includes(w.category));
        await send(a.accountId, mine, complete ? mine.length : g.count);
      }
    }
  }
  logger.info('WarningsRaised → inbox', { runId, written, duplicates });
  return { written, duplicates };
}
