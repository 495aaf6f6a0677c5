/**
 * A list the API pages with opaque cursors (`{ items, cursor }`, cursor null on the last page; `total` when the
 * API can count the rows), for the one pager (Pager.svelte): 首页 / 上一页 / 下一页, and 末页 where the API can
 * read its index backwards. The cursors of the pages visited are kept (and can be put in the URL: `position`),
 * so 上一页 asks for that page again rather than caching it, and a reload or the browser's Back shows the same
 * page.
 */
import { errorMessage } from '$lib/api/client';

export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
  /** 总共 N 条记录, when the API knows it (the unit list's live counters); absent or null: unknown. */
  total?: number | null;
}

export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;

/** Reads the index backwards from its end: `count` rows, newest-last order reversed by the API (desc). */
export type LastPageFetcher<T> = (
  cursor: string | undefined,
  count: number,
  signal: AbortSignal,
) => Promise<CursorPage<T>>;

/** Where a list stands: read from the start (or, after 末页, from the end) and the cursors of the pages passed. */
export interface ListPosition {
  fromEnd: boolean;
  cursors: string[];
}

export interface QueryOptions<T> {
  /** Rows per page: pages are full except the last (the APIs keep reading until a page is full). */
  pageSize?: number;
  /** The API's backwards read, for 末页. */
  fetchLast?: LastPageFetcher<T>;
  /** Open at this position (from the URL) instead of the first page. */
  at?: ListPosition | undefined;
}

export class CursorList<T> {
  items = $state<T[]>([]);
  /** 1-based number of the page shown. */
  page = $state(1);
  loading = $state(false);
  /** What went wrong with the last request; the rows shown before it stay. */
  error = $state<unknown>(null);
  /** Whether a page has been loaded since the last query (before that, the list says nothing). */
  loaded = $state(false);
  /** 总共 N 条记录, as of the last page loaded; null when the API can't tell. */
  total = $state<number | null>(null);
  pageSize = $state(20);
  /** Reading from the end (after 末页). */
  fromEnd = $state(false);
  /** The cursor of the page further in the reading direction; null at its end. */
  #next = $state<string | null>(null);
  /** `#cursors[i]` asks for the (i + 1)-th page in the reading direction (undefined: the first). */
  #cursors = $state<(string | undefined)[]>([undefined]);
  #fetch: PageFetcher<T> | null = null;
  #fetchLast = $state<LastPageFetcher<T> | undefined>(undefined);
  #inFlight: AbortController | null = null;

  /** 总共 M 页, when the total is known. */
  readonly pageCount = $derived(this.total === null ? null : Math.max(1, Math.ceil(this.total / this.pageSize)));
  readonly hasNext = $derived(this.fromEnd ? this.#cursors.length > 1 : this.#next !== null);
  readonly hasPrevious = $derived(this.fromEnd ? this.#next !== null : this.#cursors.length > 1);
  /** 末页 is possible: the API reads backwards and the total says how many rows the last page has. */
  readonly canLast = $derived(this.#fetchLast !== undefined && this.total !== null);
  /** 1-based number of the first row shown (pages are full but the last). */
  readonly firstRow = $derived((this.page - 1) * this.pageSize + 1);
  readonly errorText = $derived(this.error === null ? '' : errorMessage(this.error));
  /** For the URL: enough to open the same page again. */
  readonly position = $derived<ListPosition>({
    fromEnd: this.fromEnd,
    cursors: this.#cursors.slice(1).filter((c): c is string => typeof c === 'string'),
  });

  /** A new query (new filters): its first page, or the page `at` names. */
  query(fetch: PageFetcher<T>, options: QueryOptions<T> = {}): Promise<void> {
    this.#fetch = fetch;
    this.#fetchLast = options.fetchLast;
    if (options.pageSize) this.pageSize = options.pageSize;
    const at = options.at;
    this.fromEnd = Boolean(at?.fromEnd && options.fetchLast);
    this.#cursors = [undefined, ...(at?.cursors ?? [])];
    return this.#load();
  }

  /** The page shown, asked again (after a change to one of its rows elsewhere). */
  reload(): Promise<void> {
    return this.#load();
  }

  /** 首页. */
  first(): Promise<void> {
    this.fromEnd = false;
    this.#cursors = [undefined];
    return this.#load();
  }

  /** 末页: read backwards from the end of the index. */
  last(): Promise<void> {
    if (!this.canLast) return Promise.resolve();
    this.fromEnd = true;
    this.#cursors = [undefined];
    return this.#load();
  }

  /** 下一页. */
  next(): Promise<void> {
    if (!this.hasNext) return Promise.resolve();
    if (this.fromEnd) this.#cursors = this.#cursors.slice(0, -1);
    else this.#cursors = [...this.#cursors, this.#next ?? undefined];
    return this.#load();
  }

  /** 上一页. */
  previous(): Promise<void> {
    if (!this.hasPrevious) return Promise.resolve();
    if (this.fromEnd) this.#cursors = [...this.#cursors, this.#next ?? undefined];
    else this.#cursors = this.#cursors.slice(0, -1);
    return this.#load();
  }

  /** Replace the rows `match` picks with `row` (an action's answer), without asking the API again. */
  replace(match: (row: T) => boolean, row: T): void {
    this.items = this.items.map((r) => (match(r) ? row : r));
  }

  async #load(): Promise<void> {
    const fetch = this.#fetch;
    if (!fetch) return;
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.loading = true;
    this.error = null;
    const depth = this.#cursors.length;
    const cursor = this.#cursors[depth - 1];
    try {
      let result: CursorPage<T>;
      if (this.fromEnd && this.#fetchLast && this.total === null) {
        // Opened at the end (from the URL) before the total is known: the first page's answer counts the rows.
        const head = await fetch(undefined, controller.signal);
        if (head.total !== undefined) this.total = head.total;
      }
      if (this.fromEnd && this.#fetchLast && this.total !== null) {
        // From the end: the last page has what is left over after the full pages; the pages before it are full.
        const lastRows = this.total % this.pageSize || this.pageSize;
        result = await this.#fetchLast(cursor, depth === 1 ? lastRows : this.pageSize, controller.signal);
        result = { ...result, items: [...result.items].reverse() };
      } else {
        this.fromEnd = false;
        result = await fetch(cursor, controller.signal);
      }
      if (controller.signal.aborted) return;
      this.items = result.items;
      this.#next = result.cursor;
      if (result.total !== undefined) this.total = result.total;
      this.page = this.fromEnd && this.pageCount !== null ? Math.max(1, this.pageCount - (depth - 1)) : depth;
      this.loaded = true;
    } catch (e) {
      if (controller.signal.aborted) return;
      this.error = e;
    } finally {
      if (this.#inFlight === controller) {
        this.#inFlight = null;
        this.loading = false;
      }
    }
  }
}

/** The list's position as URL parameters (`c` per cursor passed, `end=1` when read from the end). */
export function positionParams(p: ListPosition): [string, string][] {
  return [
    ...(p.fromEnd ? [['end', '1'] as [string, string]] : []),
    ...p.cursors.map((c) => ['c', c] as [string, string]),
  ];
}

/** The position the URL names; undefined for the first page. */
export function positionFromQuery(q: URLSearchParams): ListPosition | undefined {
  const cursors = q.getAll('c').filter((c) => c.length > 0 && c.length <= 2048);
  const fromEnd = q.get('end') === '1';
  return cursors.length > 0 || fromEnd ? { fromEnd, cursors } : undefined;
}
