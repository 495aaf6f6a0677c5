/**
 * Splits a platform name where a line break reads well: after “一体化” (福建省民爆物品“一体化” | 安全监管信息平台).
 * Chinese text may otherwise break between any two characters, and a narrow screen would split 一体化.
 */
export function titleParts(title: string): string[] {
  const quote = title.indexOf('”');
  const at = quote >= 0 ? quote + 1 : title.includes('一体化') ? title.indexOf('一体化') + 3 : -1;
  return at > 0 && at < title.length ? [title.slice(0, at), title.slice(at)] : [title];
}
