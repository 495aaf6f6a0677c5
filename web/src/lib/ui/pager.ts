/** The numbers a list's pager shows, in the seed's words ("显示第 1 到第 10 条记录，总共 N 条记录"). */
export interface PageWindow {
  /** 1-based page, clamped to `[1, pageCount]`. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  /** At least 1, so an empty list still has a page. */
  readonly pageCount: number;
  /** 1-based index of the first row shown; 0 when the list is empty. */
  readonly from: number;
  /** 1-based index of the last row shown; 0 when the list is empty. */
  readonly to: number;
}

export function pageWindow(page: number, pageSize: number, total: number): PageWindow {
  const size = Math.max(1, Math.floor(pageSize));
  const count = Math.max(0, Math.floor(total));
  const pageCount = Math.max(1, Math.ceil(count / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const from = count === 0 ? 0 : (current - 1) * size + 1;
  const to = count === 0 ? 0 : Math.min(current * size, count);
  return { page: current, pageSize: size, total: count, pageCount, from, to };
}

/** "显示第 1 到第 10 条记录，总共 19 条记录"; an empty list reads "总共 0 条记录". */
export function showingText(w: PageWindow): string {
  if (w.total === 0) return '总共 0 条记录';
  return `显示第 ${w.from} 到第 ${w.to} 条记录，总共 ${w.total} 条记录`;
}

/** "总共 2 页，每页显示 10 条记录". */
export function pagesText(w: PageWindow): string {
  return `总共 ${w.pageCount} 页，每页显示 ${w.pageSize} 条记录`;
}

/** Up to `span` page numbers around the current page, for the numbered buttons between 上一页 and 下一页. */
export function pageNumbers(w: PageWindow, span = 5): number[] {
  const width = Math.max(1, Math.min(span, w.pageCount));
  let start = Math.max(1, w.page - Math.floor(width / 2));
  start = Math.min(start, w.pageCount - width + 1);
  return Array.from({ length: width }, (_, i) => start + i);
}
