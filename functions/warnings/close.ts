/**
 * 关闭预警 (物品流向预警 only): the regulator, having looked into it, closes the warning with a mandatory 关闭理由 —
 * the warning, its list rows, counters and history step (functions/lib/warnings/write.ts `endWarningItems`, status
 * 'closed', by them) and the audit record in ONE transaction, at the version the dialog read. Two regulators at
 * once: one closes it, the other hears who did (409).
 */
import type { WarningCloseInput, WarningDetail } from '../../shared/api/warnings';
import { CLOSABLE_KINDS } from '../../shared/api/warnings';
import { actorOf, transactWithAudit } from '../lib/audit';
import type { Regulator } from '../lib/auth/principal';
import { badRequest, conflict } from '../lib/http/errors';
import { isConditionFailure } from '../lib/transactions';
import { endWarningItems } from '../lib/warnings/write';
import type { Store } from '../store';
import type { RequestMeta } from './certificate-fix';
import { getWarningDetail } from './lists';
import { visibleWarning, type Warning } from './warning-view';

/** Why the warning can't be closed any more, naming who ended it. */
function alreadyEnded(w: Warning) {
  const who = w.clearedBy?.name;
  return w.status === 'closed'
    ? conflict(`该预警已由${who ?? '其他监管人员'}关闭，请刷新列表`)
    : conflict('该预警已消除，请刷新列表');
}

export async function closeWarning(
  store: Store,
  p: Regulator,
  warningId: string | undefined,
  input: WarningCloseInput,
  meta: RequestMeta,
  clock: () => Date = () => new Date(),
): Promise<WarningDetail> {
  const w = await visibleWarning(store, p, warningId);
  if (!CLOSABLE_KINDS.includes(w.kind)) throw badRequest('只有物品流向预警可以关闭');
  if (w.status !== 'open') throw alreadyEnded(w);
  if (w.version !== input.version) throw conflict('预警信息已变化，请关闭后重新打开「关闭预警」');
  const now = clock().toISOString();
  try {
    await transactWithAudit(
      store,
      {
        actor: actorOf(p),
        action: 'warning.flow.close',
        object: { type: 'warning', id: w.warningId, label: w.enterpriseName },
        outcome: 'success',
        sourceIp: meta.sourceIp,
        requestId: meta.requestId,
        details: { reason: input.reason, grade: w.grade, ...(w.flowType ? { flowType: w.flowType } : {}) },
      },
      endWarningItems(
        store,
        w,
        { status: 'closed', reason: input.reason, by: { accountId: p.accountId, name: p.name } },
        now,
      ),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    // Someone moved it first: say who closed it (or that it changed).
    const again = await visibleWarning(store, p, w.warningId);
    if (again.status !== 'open') throw alreadyEnded(again);
    throw conflict('预警信息已变化，请关闭后重新打开「关闭预警」');
  }
  return getWarningDetail(store, p, w.warningId);
}
