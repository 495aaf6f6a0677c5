/** The states of a request in a review queue, in the seed's words, shared by 账号审核 and 企业信息审核. */
export type ReviewStatus = 'pending' | 'approved' | 'rejected';

export const REVIEW_STATUS_NAMES: Readonly<Record<ReviewStatus, string>> = {
  pending: '待审核',
  approved: '已同意',
  rejected: '已拒绝',
};

/** The colour of a status's tag (StatusTag). */
export const REVIEW_STATUS_TONES: Readonly<Record<ReviewStatus, 'success' | 'warning' | 'danger'>> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
};

/** The queue's tabs, in order. */
export const REVIEW_TABS: readonly { value: ReviewStatus; label: string }[] = (
  ['pending', 'approved', 'rejected'] as const
).map((value) => ({ value, label: REVIEW_STATUS_NAMES[value] }));
