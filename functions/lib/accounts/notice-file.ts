/**
 * The 开通通知 file (.xlsx) of waiting register notices — for the spreadsheet functions only (ExcelJS), so the
 * register's own function stays free of it (it answers a single unit's notice as JSON).
 */
import type { Store } from '../../store';
import { noNoticeLeft, takeNotices } from './enterprise-login';
import { buildNoticeSheet } from './notice-sheet';

/** Notices per downloaded file: one page of the batch index, a file a person can still hand out. */
export const NOTICES_PER_FILE = 500;

/**
 * The 开通通知 file of the given entries' waiting notices, taking them. 404 (with what to do) when none is
 * left — downloaded before, or expired — since the password can't be shown again: a reset makes a new one.
 */
export async function noticeFile(
  store: Store,
  enterpriseIds: readonly string[],
  filename: string,
  more: boolean,
  now = Date.now(),
) {
  const taken = await takeNotices(store, enterpriseIds, now);
  if (!taken.length) throw noNoticeLeft();
  const file = await buildNoticeSheet(
    filename,
    '单位名称',
    taken.map((t) => ({
      name: t.enterpriseName,
      login: t.login,
      oneTimePassword: t.oneTimePassword,
      expiresAt: t.passwordExpiresAt,
    })),
  );
  return { ...file, count: taken.length, more };
}
