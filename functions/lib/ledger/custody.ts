/**
 * The chain of custody kernel: one partition per code, one item per step, sorted by time. Movements (入库, 出库,
 * 清退, 使用), the waybill (F) and the producer's `made`/`packed` steps all write through `custodyItems`, in the
 * transaction of the change they record, so a chain never shows a step that did not happen nor misses one that did.
 */
import { createWriteTransaction, type EntityItem } from 'electrodb';
import type { CategoryCode } from '../../../shared/reference/categories';
import { classifyCode, type CodeKind } from '../../../shared/reference/codes';
import type { Store } from '../../store';
import type { custodyEventModel } from '../../store/entities/custody-event';
import { badRequest } from '../http/errors';
import { itemsOf, type TransactItem } from '../transactions';

type CustodyRecord = EntityItem<ReturnType<typeof custodyEventModel>>;

/** One step of a code's chain as the caller describes it; the code, its kind and the event id are filled in. */
export type CustodyEvent = Omit<CustodyRecord, 'code' | 'codeKind' | 'eventId'> & {
  /** The document behind the step (movement, waybill, shipment id): with `kind`, what makes the step unique. */
  ref: string;
  /** The category of the goods, to tell a detonator from a box code (required unless codeKind is given). */
  category?: CategoryCode;
  codeKind?: CodeKind;
};

/** A stored step: the event with its code, kind and id. */
export type CustodyStep = CustodyRecord;

/** Deterministic: the same step of the same document is one item, however often it is written. */
export const custodyEventId = (kind: string, ref: string): string => `${kind}:${ref}`;

/** The kind of `code`, or 400 with the Chinese reason it is not a valid code of the category. */
export function codeKindOf(code: string, category: CategoryCode): CodeKind {
  const c = classifyCode(code, category);
  if ('error' in c) throw badRequest(c.error);
  return c.kind;
}

/**
 * Items creating `event` for each of `codes` (each only if absent: writing the same step twice fails the
 * caller's transaction rather than doubling the chain). Duplicated codes are written once.
 */
export function custodyItems(store: Store, codes: string[], event: CustodyEvent): TransactItem[] {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const { ref, codeKind, ...step } = event;
  const eventId = custodyEventId(event.kind, ref);
  return itemsOf(
    createWriteTransaction({ custody: store.custodyEvents }, ({ custody }) =>
      unique.map((code) =>
        custody
          .create({
            ...step,
            code,
            codeKind: codeKind ?? codeKindOf(code, (event.category ?? 'other') as CategoryCode),
            eventId,
          })
          .commit(),
      ),
    ),
  );
}

/** A code's whole chain, oldest step first: ONE Query of its partition (a chain is a few dozen steps). */
export async function readChain(store: Store, code: string): Promise<CustodyStep[]> {
  const { data } = await store.custodyEvents.query.byCode({ code }).go({ pages: 'all' });
  return data;
}

/** The item codes inside a box: its latest `packed` step's contents (from its chain), or none. */
export function boxContents(chain: readonly CustodyStep[]): string[] {
  const packed = chain.filter((s) => s.kind === 'packed').at(-1);
  return packed?.contents ?? [];
}
