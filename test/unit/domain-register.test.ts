import { describe, expect, it } from 'vitest';
import { Certificate, Enterprise, Licence, Person, SegmentRef } from '../../shared/domain/register';

const HAN = /[\u4e00-\u9fff]/;

const validEnterprise = {
  name: '泉州市丰泽区安达烟花爆竹批发有限公司',
  regionCode: '350503',
  unitType: 'limited-liability',
  registrationStatus: 'in-business',
  creditCode: '91350100M000100Y43',
  registeredCapital: 2644.308,
  legalRepresentative: '池琛',
  phone: '0591-87093291',
  registeredOn: '1984-01-16',
  approvedOn: '2010-08-05',
  businessTermFrom: '2010-08-05',
  businessTermTo: '2040-08-04',
  registrationAuthority: '福建省工商行政管理局',
  address: '福州市学园路3号',
  businessScope: '烟花爆竹批发。',
  segments: [{ category: 'fireworks', segment: 'wholesale' }],
};

const validPerson = {
  name: '张菲菲',
  idCardNo: '11010519491231002X',
  gender: 'female',
  mobile: '13405922996',
  position: '爆破员',
  certificates: [
    {
      type: 'blasting-operator',
      number: '3504001300139',
      issuer: '三明市公安局',
      validFrom: '2017-05-16',
      validTo: '2020-05-15',
    },
  ],
};

/** The issues of a failed parse as { 'dotted.path': message }. */
function issuesOf(
  schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
) {
  const issues = schema.safeParse(value).error?.issues ?? [];
  return Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message]));
}

describe('Enterprise (新增企业)', () => {
  it('accepts a complete enterprise and normalises the credit code', () => {
    const parsed = Enterprise.parse({ ...validEnterprise, creditCode: ' 91350100m000100y43 ' });
    expect(parsed.creditCode).toBe('91350100M000100Y43');
  });

  it('accepts an enterprise with a 注册号 instead of a credit code, and without the optional fields', () => {
    const { name, regionCode, unitType, registrationStatus, legalRepresentative, address, segments } = validEnterprise;
    const minimal = { name, regionCode, unitType, registrationStatus, legalRepresentative, address, segments };
    expect(Enterprise.safeParse({ ...minimal, registrationNo: '350000100028644' }).success).toBe(true);
  });

  it('asks for a credit code, or a 注册号 for units not yet 三证合一', () => {
    const { creditCode: _omit, ...withoutCode } = validEnterprise;
    expect(issuesOf(Enterprise, withoutCode)).toEqual({
      creditCode: '请填写统一社会信用代码；尚未三证合一的单位请填写注册号',
    });
  });

  it('rejects each bad field with a Chinese message on that field', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '' }, 'name', '请填写单位名称'],
      [{ name: '企'.repeat(101) }, 'name', '单位名称不能超过100个字'],
      [{ regionCode: '110101' }, 'regionCode', '行政区划「110101」不是福建省的行政区划代码'],
      [{ regionCode: '35' }, 'regionCode', '行政区划请选择到市或县（区）'],
      [{ unitType: '国企' }, 'unitType', '请选择单位类型'],
      [{ registrationStatus: undefined }, 'registrationStatus', '请选择登记状态'],
      [{ registrationNo: '35000100029565' }, 'registrationNo', '注册号长度应为13位或15位，当前为14位'],
      [{ creditCode: '91350100M000100Y44' }, 'creditCode', '统一社会信用代码校验位（第18位）错误，请核对'],
      [{ registeredCapital: -1 }, 'registeredCapital', '注册资本不能为负数'],
      [{ registeredCapital: '80' }, 'registeredCapital', '注册资本应为数字（单位：万人民币）'],
      [{ legalRepresentative: '   ' }, 'legalRepresentative', '请填写法定代表人(责任人)'],
      [{ phone: '87093291' }, 'phone', '联系电话应为11位手机号码，或带区号的固定电话，如0591-87093291'],
      [{ registeredOn: '1984-02-30' }, 'registeredOn', '注册时间应为有效日期，格式如2017-09-18'],
      [{ businessTermTo: '2040/08/04' }, 'businessTermTo', '经营期限至应为有效日期，格式如2017-09-18'],
      [{ address: 'x'.repeat(201) }, 'address', '(住所)营业场所不能超过200个字'],
      [{ businessScope: 'x'.repeat(2001) }, 'businessScope', '经营范围不能超过2000个字'],
      [{ segments: [] }, 'segments', '请至少选择一个从业环节'],
      [
        { segments: [{ category: 'fireworks', segment: 'port' }] },
        'segments.0.segment',
        '从业环节「port」不属于所选物品类别，请重新选择',
      ],
      [{ segments: [{ category: 'gas', segment: 'port' }] }, 'segments.0.category', '请选择物品类别'],
    ];
    for (const [patch, path, message] of cases) {
      expect(issuesOf(Enterprise, { ...validEnterprise, ...patch }), path).toEqual({ [path]: message });
    }
  });

  it('checks dates against each other and segments for duplicates', () => {
    expect(issuesOf(Enterprise, { ...validEnterprise, businessTermTo: '2010-08-04' })).toEqual({
      businessTermTo: '经营期限至不能早于经营期限自',
    });
    expect(issuesOf(Enterprise, { ...validEnterprise, approvedOn: '1984-01-15' })).toEqual({
      approvedOn: '核准日期不能早于注册时间',
    });
    const twice = { category: 'fireworks', segment: 'wholesale' };
    expect(issuesOf(Enterprise, { ...validEnterprise, segments: [twice, twice] })).toEqual({
      'segments.1': '从业环节重复，请删除重复项',
    });
  });

  it('answers garbage with Chinese messages only', () => {
    const issues = Enterprise.safeParse({ name: 1, segments: 'x', registeredCapital: 'many' }).error?.issues ?? [];
    expect(issues.length).toBeGreaterThan(3);
    for (const i of issues) expect(i.message, i.path.join('.')).toMatch(HAN);
  });
});

describe('SegmentRef', () => {
  it('accepts a pair of the reference data and rejects a mixed one', () => {
    expect(SegmentRef.safeParse({ category: 'bulk-gasoline', segment: 'filling-station' }).success).toBe(true);
    expect(issuesOf(SegmentRef, { category: 'bulk-gasoline', segment: 'retail' })).toEqual({
      segment: '从业环节「retail」不属于所选物品类别，请重新选择',
    });
  });
});

describe('Licence (企业证书)', () => {
  const valid = {
    category: 'explosives',
    segment: 'use',
    licenceName: '爆破作业单位许可证',
    number: '3504001300139',
    issuer: '三明市公安局',
    validFrom: '2017-04-17',
    validTo: '2017-07-20',
    scope: '营业性爆破作业（二级）',
  };

  it('accepts a licence as the seed’s 企业资质 list shows it', () => {
    expect(Licence.safeParse(valid).success).toBe(true);
  });

  it('rejects an end before the start, a missing number and a segment of another category', () => {
    expect(issuesOf(Licence, { ...valid, validTo: '2017-04-16' })).toEqual({
      validTo: '有效截止日期不能早于有效起始日期',
    });
    expect(issuesOf(Licence, { ...valid, number: '' })).toEqual({ number: '请填写证书编号' });
    expect(issuesOf(Licence, { ...valid, segment: 'wholesale' })).toEqual({
      segment: '从业环节「wholesale」不属于所选物品类别，请重新选择',
    });
    expect(issuesOf(Licence, { ...valid, scope: 'x'.repeat(501) })).toEqual({ scope: '从业范围不能超过500个字' });
  });
});

describe('Person (从业人员) and Certificate', () => {
  it('accepts a person with a certificate', () => {
    expect(Person.safeParse(validPerson).success).toBe(true);
  });

  it('rejects a bad 身份证号, mobile, position and certificate with Chinese messages', () => {
    expect(issuesOf(Person, { ...validPerson, idCardNo: '350122199106066666' })).toEqual({
      idCardNo: '身份证号校验位错误，请核对',
    });
    expect(issuesOf(Person, { ...validPerson, mobile: '0591-87093291' })).toEqual({
      mobile: '手机号码应为1开头的11位数字（第二位为3至9）',
    });
    expect(issuesOf(Person, { ...validPerson, position: '' })).toEqual({ position: '请填写岗位' });
    expect(issuesOf(Person, { ...validPerson, gender: '女' })).toEqual({ gender: '请选择性别' });
    const cert = validPerson.certificates[0];
    expect(issuesOf(Person, { ...validPerson, certificates: [{ ...cert, type: '爆破作业人员资质' }] })).toEqual({
      'certificates.0.type': '请选择证件类型',
    });
  });

  it('rejects a gender that contradicts the 身份证号', () => {
    expect(issuesOf(Person, { ...validPerson, gender: 'male' })).toEqual({ gender: '性别与身份证号不符，请核对' });
  });

  it('rejects a certificate ending before it starts', () => {
    const cert = { ...validPerson.certificates[0], validTo: '2017-05-15' };
    expect(issuesOf(Certificate, cert)).toEqual({ validTo: '有效截止日期不能早于有效起始日期' });
  });
});
