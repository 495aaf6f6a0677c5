/**
 * The fields of a declared 回避 (an officer's or an expert's): which enterprise, why, who declared it and
 * when. Both conflict entities spread these so the two records read the same and one view serves both.
 */
export const conflictFields = {
  enterpriseId: { type: 'string', required: true, readOnly: true },
  /** The enterprise's name, credit code and region at declaration, for the list without a read per row. */
  enterpriseName: { type: 'string', required: true },
  creditCode: { type: 'string' },
  enterpriseRegionCode: { type: 'string', required: true },
  reason: { type: 'string', required: true },
  declaredById: { type: 'string', required: true },
  declaredByName: { type: 'string', required: true },
  declaredAt: { type: 'string', required: true },
} as const;
