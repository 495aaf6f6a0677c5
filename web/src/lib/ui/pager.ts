/**
 * The pager's words, as the seed has them: 「显示第 1 到第 10 条记录，总共 N 条记录，总共 M 页」. Where the API
 * cannot count the rows (a name filter, a list without counters) only what is known is said.
 */
export function pagerText(firstRow: number, shown: number, total: number | null, pageCount: number | null): string {
  if (shown === 0) return total === null ? '没有找到匹配的记录' : `总共 ${total} 条记录`;
  const head = `显示第 ${firstRow} 到第 ${firstRow + shown - 1} 条记录`;
  if (total === null) return head;
  return `${head}，总共 ${total} 条记录，总共 ${pageCount ?? 1} 页`;
}
