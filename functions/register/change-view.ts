/** A change request as the screens show it: with its before/after table (functions and web share the labels). */
import type { EntityItem } from 'electrodb';
import { ENTERPRISE_FIELD_LABELS, LICENCE_FIELD_LABELS, fieldChanges } from '../../shared/domain/register-labels';
import { regionName } from '../../shared/reference/regions';
import type { Store } from '../store';

export type ChangeRequestRecord = EntityItem<Store['changeRequests']>;

type Fields = Record<string, unknown> | null;

/** 证书信息纠正: the certificate the request changes, named as it was (the diff shows what changes in it). */
function licenceNamed(r: ChangeRequestRecord) {
  const before = (r.before ?? {}) as Record<string, unknown>;
  if (r.kind !== 'correct-licence') return {};
  return { licence: { name: String(before.licenceName ?? ''), number: String(before.number ?? '') } };
}

export function changeRequestView(r: ChangeRequestRecord) {
  const labels = r.kind === 'correct-licence' ? LICENCE_FIELD_LABELS : ENTERPRISE_FIELD_LABELS;
  return {
    requestId: r.requestId,
    kind: r.kind,
    status: r.status,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    regionCode: r.regionCode,
    regionName: regionName(r.regionCode),
    categories: r.categories,
    ...(r.licenceId ? { licenceId: r.licenceId } : {}),
    ...licenceNamed(r),
    ...(r.reason ? { reason: r.reason } : {}),
    requesterKind: r.requesterKind,
    requesterName: r.requesterName,
    submittedAt: r.submittedAt,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    ...(r.decidedByName ? { decidedByName: r.decidedByName } : {}),
    ...(r.decisionReason ? { decisionReason: r.decisionReason } : {}),
    ...(r.attachmentIds?.length ? { attachmentIds: r.attachmentIds } : {}),
    changes: fieldChanges(labels, (r.before ?? null) as Fields, (r.after ?? null) as Fields),
    version: r.version,
  };
}
