import type { CategoryCode } from '$shared/reference/categories';

/**
 * The portal's 法律法规 panel, as data until 信息发布管理 (a later issue) lets editors manage it.
 * Real titles only. The first six are the items the seed's portal screenshot shows, with the category tag and
 * the date shown there (2017-03-26). The others are the national law and regulations each category rests on;
 * the seed shows no portal date for them, so they have none (`date: null`) rather than an invented one.
 */

export const LAW_KINDS = [
  { code: 'law', label: '法律' },
  { code: 'regulation', label: '行政法规' },
  { code: 'rule', label: '部门规章' },
  { code: 'standard', label: '建设标准' },
] as const;

export type LawKind = (typeof LAW_KINDS)[number]['code'];

export interface LawItem {
  readonly title: string;
  readonly kind: LawKind;
  /** The category tag shown as 【…】. For the seed's items, the tag the seed shows. */
  readonly category: CategoryCode;
  /** Date posted on the portal (YYYY-MM-DD), or null when the seed gives none. */
  readonly date: string | null;
}

export const LAWS: readonly LawItem[] = [
  // As on the seed's portal.
  { title: '烟花爆竹经营许可实施办法', kind: 'rule', category: 'fireworks', date: '2017-03-26' },
  { title: '中华人民共和国消防法', kind: 'law', category: 'fireworks', date: '2017-03-26' },
  { title: '中华人民共和国道路交通安全法', kind: 'law', category: 'firearms', date: '2017-03-26' },
  { title: '中华人民共和国港口法', kind: 'law', category: 'hazchem', date: '2017-03-26' },
  { title: '中华人民共和国环境保护法', kind: 'law', category: 'radioactive', date: '2017-03-26' },
  { title: '中华人民共和国安全生产法', kind: 'law', category: 'firearms', date: '2017-03-26' },
  // The category laws and regulations.
  { title: '中华人民共和国枪支管理法', kind: 'law', category: 'firearms', date: null },
  { title: '危险化学品安全管理条例', kind: 'regulation', category: 'hazchem', date: null },
  { title: '民用爆炸物品安全管理条例', kind: 'regulation', category: 'explosives', date: null },
  { title: '放射性物品运输安全管理条例', kind: 'regulation', category: 'radioactive', date: null },
  { title: '烟花爆竹安全管理条例', kind: 'regulation', category: 'fireworks', date: null },
];

/** `null` selects every kind (the panel's 全部 tab). */
export function lawsOfKind(kind: LawKind | null, laws: readonly LawItem[] = LAWS): LawItem[] {
  return kind === null ? [...laws] : laws.filter((l) => l.kind === kind);
}
