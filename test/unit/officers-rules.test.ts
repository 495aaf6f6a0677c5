import { describe, expect, it } from 'vitest';
import { categoriesFromText, expertProblems, ExpertInput, segmentsFromText } from '../../shared/api/officers';

/** The 专家库's rules shared by the API, the Excel import and the web form (shared/api/officers.ts). */
describe('专家库 rules', () => {
  it('reads 专业类别 as people write them', () => {
    expect(categoriesFromText('危险化学品、烟花爆竹')).toEqual({ codes: ['hazchem', 'fireworks'], unknown: [] });
    expect(categoriesFromText('危险化学品, 危险化学品；核武器')).toEqual({ codes: ['hazchem'], unknown: ['核武器'] });
    expect(categoriesFromText('')).toEqual({ codes: [], unknown: [] });
  });

  it('reads 专业环节 within the chosen categories, with or without the category', () => {
    expect(segmentsFromText('经营、储存', ['hazchem'])).toEqual({
      keys: ['hazchem/business', 'hazchem/storage'],
      unknown: [],
    });
    expect(segmentsFromText('危险化学品·经营', ['hazchem', 'explosives']).keys).toEqual(['hazchem/business']);
    expect(segmentsFromText('批发', ['hazchem']).unknown).toEqual(['批发']);
  });

  it('keeps segments within the categories, and categories within what the caller supervises', () => {
    expect(expertProblems({ categories: ['hazchem'], segments: ['hazchem/business'] })).toEqual([]);
    expect(expertProblems({ categories: ['hazchem'], segments: ['fireworks/wholesale'] })[0]?.field).toBe('segments');
    expect(expertProblems({ categories: ['fireworks'], segments: [] }, ['hazchem'])[0]?.field).toBe('categories');
  });

  it('validates the form in Chinese', () => {
    const r = ExpertInput.safeParse({
      name: '',
      categories: [],
      employer: '福',
      phone: '123',
      regionCode: '99',
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message).join('|');
    expect(messages).toMatch(/请填写姓名/);
    expect(messages).toMatch(/专业类别/);
    expect(messages).toMatch(/联系电话/);
    expect(messages).toMatch(/行政区划代码/);
  });
});
