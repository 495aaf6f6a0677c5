/** One column of a {@link DataTable}. */
export interface Column<T> {
  /** Unique among the columns; passed to the `cell` snippet to tell columns apart. */
  readonly key: string;
  /** Header text, in the seed's words (序号, 单位名称, 统一社会信用代码 …). */
  readonly label: string;
  /** Plain text of the cell when no `cell` snippet draws it; null/undefined shows as "-". */
  readonly value?: (row: T) => string | number | null | undefined;
  readonly align?: 'left' | 'center' | 'right';
  /** CSS width, e.g. '8em'. */
  readonly width?: string;
  /**
   * Which columns give way when the table is narrow (DataTable's container queries): 1 (default) always
   * shown; 2 hidden under 1150px of table width (a laptop's 1366 with the menu); 3 under 1300px. What they hide stays on the 查看 page.
   */
  readonly priority?: 1 | 2 | 3;
  /** In the phone layout (cards), this column is the card's title (单位名称). */
  readonly title?: boolean;
  /** In the phone layout, this column is left out (a 选择 box, a 序号). */
  readonly cardHidden?: boolean;
}

/** What an empty cell shows, as in the seed's tables. */
export const EMPTY_CELL = '-';

export function cellText<T>(column: Column<T>, row: T): string {
  const v = column.value?.(row);
  return v === null || v === undefined || v === '' ? EMPTY_CELL : String(v);
}
