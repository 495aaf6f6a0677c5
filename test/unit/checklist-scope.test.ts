import { describe, expect, it } from 'vitest';
import type { Regulator } from '../../functions/lib/auth/principal';
import { ancestorsOf, checklistEditableBy, checklistVisibleTo } from '../../functions/lib/checklists/scope';

/** Who sees and edits a checklist: the scope rule with the one widening checklists need (made above applies below). */
const inspector = (department: string, regionCode: string, categories = ['hazchem']) =>
  ({ kind: 'regulator', department, regionCode, categories, roles: ['inspector'] }) as unknown as Regulator;

const list = (over: Partial<{ kind: 'independent' | 'joint'; department: string; regionCode: string }> = {}) => ({
  kind: 'independent' as const,
  category: 'hazchem',
  department: 'anjian',
  regionCode: '3505',
  ...over,
});

describe('checklist scope', () => {
  it('a department sees its lists within, above and below its jurisdiction, not a sibling region', () => {
    expect(checklistVisibleTo(inspector('anjian', '35'), list())).toBe(true);
    expect(checklistVisibleTo(inspector('anjian', '3505'), list())).toBe(true);
    expect(checklistVisibleTo(inspector('anjian', '350582'), list())).toBe(true);
    expect(checklistVisibleTo(inspector('anjian', '350582'), list({ regionCode: '35' }))).toBe(true);
    expect(checklistVisibleTo(inspector('anjian', '3502'), list())).toBe(false);
    expect(checklistVisibleTo(inspector('anjian', '350203'), list({ regionCode: '350582' }))).toBe(false);
  });

  it("another department never sees an independent list; a joint list is every department's", () => {
    expect(checklistVisibleTo(inspector('gongan', '3505'), list())).toBe(false);
    expect(checklistVisibleTo(inspector('gongan', '3505'), list({ kind: 'joint' }))).toBe(true);
    expect(checklistVisibleTo(inspector('gongan', '3502'), list({ kind: 'joint' }))).toBe(false);
  });

  it("the category is the account's to have", () => {
    expect(checklistVisibleTo(inspector('anjian', '3505', ['fireworks']), list())).toBe(false);
  });

  it('only the creating department within its jurisdiction edits: not below, not another department', () => {
    expect(checklistEditableBy(inspector('anjian', '3505'), list())).toBe(true);
    expect(checklistEditableBy(inspector('anjian', '35'), list())).toBe(true);
    expect(checklistEditableBy(inspector('anjian', '350582'), list())).toBe(false);
    expect(checklistEditableBy(inspector('gongan', '3505'), list({ kind: 'joint' }))).toBe(false);
  });

  it('names the ancestors of a region', () => {
    expect(ancestorsOf('35')).toEqual([]);
    expect(ancestorsOf('3505')).toEqual(['35']);
    expect(ancestorsOf('350582')).toEqual(['35', '3505']);
  });
});
