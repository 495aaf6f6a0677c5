/**
 * A cursor-paged list whose API also says how many rows there are in all (the unit list's live counters, an
 * entry's staff count): the seed's 「显示第 1 到第 10 条记录，总共 N 条记录」. The row numbers are counted from the
 * pages actually seen, not from page × size, because a filtered Query may return a page with fewer rows than
 * asked for.
 */
import { CursorList, type CursorPage } from '$lib/ui/cursor-list.svelte';

export interface CountedPage<T> extends CursorPage<T> {
  /** null when the API can't tell (a name or code filter narrows the unit list). */
  total: number | null;
}

export class CountedList<T> extends CursorList<T> {
  /** 总共 N 条记录, as of the last page loaded. */
  total = $state<number | null>(null);
  /** `#starts[i]`: the rows on the pages before page i + 1. */
  #starts = $state<number[]>([0]);
  /** 1-based number of the first row shown. */
  readonly firstRow = $derived((this.#starts[this.page - 1] ?? 0) + 1);

  /** A new query: back to its first page. */
  countedQuery(fetch: (cursor: string | undefined, signal: AbortSignal) => Promise<CountedPage<T>>): Promise<void> {
    this.#starts = [0];
    return this.query(async (cursor, signal) => {
      const r = await fetch(cursor, signal);
      if (!signal.aborted) this.total = r.total;
      return r;
    });
  }

  override next(): Promise<void> {
    if (!this.hasNext) return Promise.resolve();
    const at = this.page;
    this.#starts[at] = (this.#starts[at - 1] ?? 0) + this.items.length;
    return super.next();
  }
}

/** 「显示第 1 到第 10 条记录，总共 N 条记录」; without the total when it is unknown. */
export function countedText(firstRow: number, shown: number, total: number | null): string {
  if (shown === 0) return total === null ? '没有找到匹配的记录' : `总共 ${total} 条记录`;
  const head = `显示第 ${firstRow} 到第 ${firstRow + shown - 1} 条记录`;
  return total === null ? head : `${head}，总共 ${total} 条记录`;
}
