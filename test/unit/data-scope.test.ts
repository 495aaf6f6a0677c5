import { describe, expect, it } from 'vitest';
import type { Regulator } from '../../functions/lib/auth/principal';
import { canSee } from '../../functions/lib/register/scope';
import { jurisdictionPrefix, regulatorSees, requireCategory, withinJurisdiction } from '../../functions/lib/scope';

const regulator = (over: Partial<Regulator> = {}): Regulator => ({
  kind: 'regulator',
  accountId: 'reg-1',
  sessionId: 's',
  login: '13900000028',
  name: '测试',
  stage: 'active',
  department: 'anjian',
  regionCode: '3505',
  categories: ['hazchem', 'fireworks'],
  roles: ['inspector'],
  category: 'hazchem',
  ...over,
});

describe('regulatorSees: the one data-scope rule', () => {
  it('sees an object in its jurisdiction that concerns one of its categories', () => {
    const p = regulator();
    expect(regulatorSees(p, { regionCode: '350583', categories: ['hazchem'] })).toBe(true);
    expect(regulatorSees(p, { regionCode: '3505', categories: ['explosives', 'fireworks'] })).toBe(true);
  });

  it('does not see outside its jurisdiction, whatever the category', () => {
    expect(regulatorSees(regulator(), { regionCode: '350102', categories: ['hazchem'] })).toBe(false);
    expect(regulatorSees(regulator({ regionCode: '350583' }), { regionCode: '350582', categories: ['hazchem'] })).toBe(
      false,
    );
  });

  it('spells the whole province 35 and sees every region with it', () => {
    const province = regulator({ regionCode: '35' });
    expect(jurisdictionPrefix(province)).toBe('35');
    expect(regulatorSees(province, { regionCode: '350128', categories: ['hazchem'] })).toBe(true);
    expect(withinJurisdiction(province, '3509')).toBe(true);
    // '' is no jurisdiction at all: an account without a region sees nothing rather than everything.
    expect(regulatorSees(regulator({ regionCode: '' }), { regionCode: '3505', categories: ['hazchem'] })).toBe(false);
  });

  it('does not see an object of categories the account is not granted', () => {
    expect(regulatorSees(regulator(), { regionCode: '3505', categories: ['explosives'] })).toBe(false);
    expect(() => requireCategory(regulator(), 'explosives')).toThrow('没有该物品类别的监管权限');
    expect(() => requireCategory(regulator(), 'explosives', '审核')).toThrow('没有该物品类别的审核权限');
  });

  it('follows the account, not the platform the session signed in to', () => {
    const onHazchem = regulator({ category: 'hazchem' });
    expect(regulatorSees(onHazchem, { regionCode: '3505', categories: ['fireworks'] })).toBe(true);
  });

  it('limits department-owned objects to their department, and only those', () => {
    const p = regulator({ department: 'anjian' });
    const owned = { regionCode: '3505', categories: ['hazchem'] };
    expect(regulatorSees(p, { ...owned, department: 'anjian' })).toBe(true);
    expect(regulatorSees(p, { ...owned, department: 'gongan' })).toBe(false);
    expect(regulatorSees(regulator({ department: 'gongan' }), owned)).toBe(true);
  });

  it('is what the register asks for its entries; an enterprise sees only itself', () => {
    const entry = { enterpriseId: 'e-1', regionCode: '350583', categories: ['hazchem'] };
    expect(canSee(regulator(), entry)).toBe(true);
    expect(canSee(regulator({ department: 'gongan' }), entry)).toBe(true);
    expect(canSee(regulator({ categories: ['explosives'] }), entry)).toBe(false);
    const own = { kind: 'enterprise', enterpriseId: 'e-1', accountId: 'a', sessionId: 's', login: 'x', name: 'x' };
    expect(canSee({ ...own, stage: 'active' } as never, entry)).toBe(true);
    expect(canSee({ ...own, enterpriseId: 'e-2', stage: 'active' } as never, entry)).toBe(false);
  });
});
