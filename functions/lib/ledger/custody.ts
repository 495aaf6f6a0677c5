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

/** Steps after which the code is in the hands of the step's enterprise (in its stock). */
const HOLDING_STEPS: ReadonlySet<string> = new Set(['made', 'packed', 'inbound', 'returned']);

/**
 * The codes of `codes` the enterprise does not hold: their latest step puts them elsewhere (another enterprise's
 * stock, or already shipped or used). A code with no chain yet is taken as held — goods in stock before the
 * platform have none. One Query per code (its newest step), in parallel; ≤ 40 codes per movement.
 */
export async function codesNotHeld(store: Store, codes: readonly string[], enterpriseId: string): Promise<string[]> {
  const latest = await Promise.all(
    codes.map(async (code) => {
      const { data } = await store.custodyEvents.query.byCode({ code }).go({ order: 'desc', limit: 1 });
      return { code, step: data[0] };
    }),
  );
  return latest
    .filter(({ step }) => step && !(step.enterpriseId === enterpriseId && HOLDING_STEPS.has(step.kind)))
    .map(({ code }) => code);
}

/** The items inside each box among `codes` (its latest `packed` step), for a movement to write their steps too. */
export async function boxContentsOf(store: Store, codes: readonly string[]): Promise<Map<string, string[]>> {
  const found = await Promise.all(
    codes.map(async (code) => {
      const { data } = await store.custodyEvents.query
        .byCode({ code })
        .where((a, op) => op.eq(a.kind, 'packed'))
        .go({ order: 'desc', count: 1 });
      return [code, data[0]?.contents ?? []] as const;
    }),
  );
  return new Map(found.filter(([, contents]) => contents.length > 0));
}
