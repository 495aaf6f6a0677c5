/**
 * A list the API pages with opaque cursors and no totals (`{ items, cursor }`, cursor null on the last page):
 * 上一页 / 下一页 between the pages seen so far, and how many rows this page has — never a made-up total.
 * The cursors of the pages already visited are kept, so 上一页 asks for that page again rather than caching it.
 */
import { errorMessage } from '$lib/api/client';

export interface CursorPage<T> {
  items: T[];
  cursor: string | null;
}

export type PageFetcher<T> = (cursor: string | undefined, signal: AbortSignal) => Promise<CursorPage<T>>;

export class CursorList<T> {
  items = $state<T[]>([]);
  /** 1-based number of the page shown. */
  page = $state(1);
  loading = $state(false);
  /** What went wrong with the last request; the rows shown before it stay. */
  error = $state<unknown>(null);
  /** Whether a page has been loaded since the last query (before that, the list says nothing). */
  loaded = $state(false);
  /** The cursor of the page after this one; null on the last page. */
  #next = $state<string | null>(null);
  /** `#cursors[i]` asks for page i + 1 (undefined: the first page). */
  #cursors: (string | undefined)[] = [undefined];
  #fetch: PageFetcher<T> | null = null;
  #inFlight: AbortController | null = null;

  readonly hasNext = $derived(this.#next !== null);
  readonly hasPrevious = $derived(this.page > 1);
  readonly errorText = $derived(this.error === null ? '' : errorMessage(this.error));

  /** A new query (new filters): back to its first page. */
  query(fetch: PageFetcher<T>): Promise<void> {
    this.#fetch = fetch;
    this.#cursors = [undefined];
    return this.#load(1);
  }

  /** The page shown, asked again (after a change to one of its rows elsewhere). */
  reload(): Promise<void> {
    return this.#load(this.page);
  }

  next(): Promise<void> {
    if (this.#next === null) return Promise.resolve();
    this.#cursors[this.page] = this.#next;
    return this.#load(this.page + 1);
  }

  previous(): Promise<void> {
    return this.page > 1 ? this.#load(this.page - 1) : Promise.resolve();
  }

  /** Replace the rows `match` picks with `row` (an action's answer), without asking the API again. */
  replace(match: (row: T) => boolean, row: T): void {
    this.items = this.items.map((r) => (match(r) ? row : r));
  }

  async #load(page: number): Promise<void> {
    const fetch = this.#fetch;
    if (!fetch) return;
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.loading = true;
    this.error = null;
    try {
      const result = await fetch(this.#cursors[page - 1], controller.signal);
      if (controller.signal.aborted) return;
      this.items = result.items;
      this.#next = result.cursor;
      this.page = page;
      this.#cursors.length = page;
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
