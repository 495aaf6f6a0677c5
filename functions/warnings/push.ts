/**
 * Push (issue 12 §5): a scan's new 红 and 橙 warnings → WarningsRaised events for the inbox (the notifications
 * context delivers them with deliverMessage). Grouped by who must hear: the enterprise, and the responsible
 * regulators — the category's lead department (a licence's supervising department) at each level of the
 * enterprise's region. A group of more than DIGEST_THRESHOLD becomes ONE digest message per recipient, so its
 * warnings are not listed, only counted; a group is never split across events.
 */
import type { WarningsRaised as WarningsRaisedData } from '../../shared/events/warnings';
import { WarningsRaised } from '../../shared/events/warnings';
import { outboxItem } from '../lib/events/outbox';
import type { TransactItem } from '../lib/transactions';
import { regionLevels } from '../lib/warnings/write';
import type { Store } from '../store';
import { responsibleDepartment, subjectOf } from './causes';
import type { RaisedWarning } from './scan';

/** More than this many for one recipient in one scan → one daily digest instead. */
export const DIGEST_THRESHOLD = 10;
/** Listed warnings per event: keeps an event far below the bus's 256 KB. */
const LISTED_PER_EVENT = 100;
const GROUPS_PER_EVENT = 200;

type Group = WarningsRaisedData['groups'][number];
type Listed = Group['warnings'][number];

/** The groups of a scan's new red / orange warnings (listed only while a group stays within the threshold). */
export function pushGroups(raised: readonly RaisedWarning[]): Group[] {
  const groups = new Map<string, { audience: Group['audience']; all: Listed[] }>();
  const add = (key: string, audience: Group['audience'], w: Listed) => {
    const g = groups.get(key) ?? { audience, all: [] };
    g.all.push(w);
    groups.set(key, g);
  };
  for (const { id, input } of raised) {
    if (input.grade !== 'red' && input.grade !== 'orange') continue;
    const listed = (category: string): Listed => ({
      warningId: id,
      kind: input.kind,
      grade: input.grade as 'red' | 'orange',
      category,
      enterpriseName: input.enterpriseName.slice(0, 500),
      subject: subjectOf(input.kind, input.detail).slice(0, 600),
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    });
    add(
      `e:${input.enterpriseId}`,
      { kind: 'enterprise', enterpriseId: input.enterpriseId },
      listed(input.categories[0] ?? ''),
    );
    for (const category of new Set(input.categories)) {
      const department = responsibleDepartment(category, input.detail);
      for (const regionCode of regionLevels(input.regionCode)) {
        add(`r:${department}:${regionCode}`, { kind: 'regulators', department, regionCode }, listed(category));
      }
    }
  }
  return [...groups.values()].map(({ audience, all }) => ({
    audience,
    count: all.length,
    warnings: all.length > DIGEST_THRESHOLD && audience.kind === 'enterprise' ? [] : all.slice(0, 200),
  }));
}

/** The outbox items announcing a scan's pushes, one event per transaction. */
export function pushItems(
  store: Store,
  scan: { runId: string; day: string; raised: readonly RaisedWarning[] },
): TransactItem[][] {
  const out: TransactItem[][] = [];
  let batch: Group[] = [];
  let listed = 0;
  const flush = () => {
    if (batch.length)
      out.push([outboxItem(store, WarningsRaised, { runId: scan.runId, day: scan.day, groups: batch })]);
    batch = [];
    listed = 0;
  };
  for (const g of pushGroups(scan.raised)) {
    if (batch.length && (listed + g.warnings.length > LISTED_PER_EVENT || batch.length >= GROUPS_PER_EVENT)) flush();
    batch.push(g);
    listed += g.warnings.length;
  }
  flush();
  return out;
}
