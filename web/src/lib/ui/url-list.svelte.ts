/**
 * A filtered list whose filters and page live in the URL (README: "A list's filters and page live in the URL"):
 * 查询 and 重置 navigate to the list's URL with the filters; the page shown is written into the URL as the pager
 * moves (replacing the history entry); a reload, Back/Forward and a link show the same filters and page. Every
 * filtered list uses it, so the rule is written once. Construct it while a component initialises (it sets up
 * effects).
 */
import { untrack } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
  CursorList,
  positionFromQuery,
  positionParams,
  type LastPageFetcher,
  type ListPosition,
  type PageFetcher,
} from './cursor-list.svelte';

// Throwaway parsers and printers of query text, never kept or changed: not reactive state.
const queryOf = (text: string): URLSearchParams => new URLSearchParams(text);
const queryPairs = (text: string): [string, string][] => [...new URLSearchParams(text)];
const queryText = (pairs: [string, string][]): string => new URLSearchParams(pairs).toString();

export interface FilterCodec<F> {
  /** The filters a URL names; what it doesn't name (or names wrongly) takes its default. */
  fromQuery(q: URLSearchParams): F;
  /** The query string of the filters, in a stable order, leaving defaults out ('' when nothing is set). */
  toQuery(f: F): string;
}

export interface UrlListOptions<T, F> {
  codec: FilterCodec<F>;
  /** The list's own path (resolve()d), without a query. */
  here: () => string;
  /** How the API is asked for a page of these filters (and, for 末页, backwards). */
  fetcher: (f: F) => { page: PageFetcher<T>; last?: LastPageFetcher<T>; pageSize: number };
  /** Something besides the URL that makes it another list (e.g. another segment on the same component). */
  key?: () => unknown;
  /** Called before each new query (e.g. to forget checked rows). */
  onquery?: () => void;
}

export class UrlList<T, F> {
  readonly list = new CursorList<T>();
  /** The filters as edited, until 查询. */
  filters: F;
  /** The filters the rows were asked with: the URL's. */
  readonly applied: F;
  /** The query string of the list as shown (filters and page), e.g. for a detail page's way back. */
  readonly urlSearch: string;
  readonly #o: UrlListOptions<T, F>;

  constructor(options: UrlListOptions<T, F>) {
    this.#o = options;
    this.applied = $derived(options.codec.fromQuery(page.url.searchParams));
    this.filters = $state(untrack(() => this.applied));
    /** The applied filters as text: a new value is a new query, not a page move. */
    const appliedKey = $derived(options.codec.toQuery(this.applied));

    // A new URL (查询, 重置, Back/Forward, a link) or another list: show the page the URL names (the first page
    // unless it says otherwise, so a reload, 返回列表 and Back come back to the page that was open).
    $effect(() => {
      void appliedKey;
      void options.key?.();
      untrack(() => {
        const f = options.codec.fromQuery(page.url.searchParams);
        this.filters = f;
        this.#load(f, positionFromQuery(page.url.searchParams));
      });
    });

    // Paging writes the page into the URL, replacing this history entry rather than adding one. A real
    // navigation rather than shallow routing: Back then restores the URL as written. The filters are the same,
    // so the list is not asked again.
    this.urlSearch = $derived(queryText([...queryPairs(appliedKey), ...positionParams(this.list.position)]));
    $effect(() => {
      const s = this.urlSearch;
      if (!this.list.loaded) return;
      untrack(() => {
        if (page.url.search.replace(/^\?/, '') === s) return;
        void this.#go(s, true);
      });
    });
  }

  /** 查询: the edited filters (or `next`) become the URL's; the same filters again ask the API again. */
  search(next: F = $state.snapshot(this.filters) as F): void {
    const q = this.#o.codec.toQuery(next);
    if (q === this.#o.codec.toQuery(this.applied)) {
      this.filters = next;
      this.#load(next);
      return;
    }
    void this.#go(q, false);
  }

  /** 重置: the filters a URL without any gives. */
  reset(): void {
    this.search(this.#o.codec.fromQuery(queryOf('')));
  }

  /** For a FilterBar's onsubmit. */
  readonly onsubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    this.search();
  };

  /** Ask the current page again (after an action changed rows). */
  reload(): Promise<void> {
    return this.list.reload();
  }

  #load(f: F, at?: ListPosition): void {
    this.#o.onquery?.();
    const { page: fetchPage, last, pageSize } = this.#o.fetcher(f);
    void this.list.query(fetchPage, { pageSize, ...(last ? { fetchLast: last } : {}), at });
  }

  #go(search: string, replaceState: boolean): Promise<void> {
    const here = this.#o.here();
    // eslint-disable-next-line svelte/no-navigation-without-resolve -- `here` is resolve()d by the caller; the query is ours
    return goto(`${here}${search ? `?${search}` : ''}`, { replaceState, keepFocus: true, noScroll: true });
  }
}
