import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../functions/lib/auth/tokens';
import type { Store } from '../../functions/store';
import { ApiClient, fromAddress } from '../support/api-client';
import { signedInAs, type Persona } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/** Enterprise self-registration and its review, through the local gateway. */
describe('registration with review', () => {
  let t: TestStack;
  let store: Store;
  let ip = 0;
  const client = () => new ApiClient(t.url, {}, fromAddress(++ip));

  const FIREWORKS_QZ_REVIEWER: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3505',
    categories: ['fireworks', 'hazchem'],
    roles: ['reviewer'],
    category: 'fireworks',
  };
  const FIREWORKS_PROVINCE_REVIEWER: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '35',
    categories: ['fireworks'],
    roles: ['reviewer'],
  };
  const FIREWORKS_SM_REVIEWER: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3504',
    categories: ['fireworks'],
    roles: ['reviewer'],
  };
  const EXPLOSIVES_QZ_REVIEWER: Persona = {
    kind: 'regulator',
    department: 'jingxin',
    regionCode: '3505',
    categories: ['explosives'],
    roles: ['reviewer'],
  };
  const FIREWORKS_QZ_INSPECTOR: Persona = {
    kind: 'regulator',
    department: 'anjian',
    regionCode: '3505',
    categories: ['fireworks'],
    roles: ['inspector'],
  };

  let captchaN = 0;
  async function captcha() {
    const captchaId = `known-${++captchaN}`;
    await store.captchas
      .create({ captchaId, answerHash: sha256('ABCD'), expiresAt: Math.floor(Date.now() / 1000) + 300 })
      .go();
    return { captchaId, captcha: 'abcd' };
  }

  const newUnit = async (mobile: string, over: object = {}) => ({
    hasLicence: false,
    unit: {
      name: `泉州市丰泽区测试烟花零售店${mobile.slice(-4)}`,
      address: '泉州市丰泽区东湖街1号',
      legalRepresentative: '黄志明',
      phone: '0595-22345678',
    },
    regionCode: '350503',
    segments: [{ category: 'fireworks', segment: 'retail' }],
    informant: { name: '黄志明', idCardNo: '11010519491231002X', mobile },
    password: 'Yanhua#2026',
    declaration: true,
    ...(await captcha()),
    ...over,
  });

  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 24 });
    store = t.store;
  }, 120_000);
  afterAll(async () => t?.stop());

  it('looks a unit up on the register by its credit code, saying whether it already has an account', async () => {
    const { data: withAccount } = await store.enterprises.get({ enterpriseId: 'ent-000001' }).go();
    const { data: without } = await store.enterprises.get({ enterpriseId: 'ent-000022' }).go();
    const a = await client().get(`/api/registration/lookup?code=${withAccount!.creditCode}`);
    expect(a.body).toMatchObject({ found: true, name: withAccount!.name, alreadyRegistered: true, pending: false });
    const b = await client().get(`/api/registration/lookup?code=${without!.creditCode}`);
    expect(b.body).toMatchObject({ found: true, name: without!.name, alreadyRegistered: false });
    const none = await client().get('/api/registration/lookup?code=91350100M000100Y43');
    expect(none.body).toMatchObject({ found: false, alreadyRegistered: false });
  });

  it('refuses bad applications with clear messages and writes nothing', async () => {
    const c = client();
    const cases: [object, string, RegExp][] = [
      [
        { informant: { name: '黄志明', idCardNo: '110105194912310021', mobile: '13812340001' } },
        'body.informant.idCardNo',
        /校验/,
      ],
      [{ declaration: false }, 'body.declaration', /资料真实合法/],
      [{ password: 'abc12345' }, 'body.password', /至少三类/],
      [{ segments: [] }, 'body.segments', /至少选择一个/],
      [{ unit: undefined }, 'body.unit', /请填写单位信息/],
      [{ hasLicence: true, code: '91350100M000100Y44' }, 'body.code', /校验/],
    ];
    for (const [over, path, message] of cases) {
      const r = await c.post('/api/registration', await newUnit('13812340001', over));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.details.find((d: { path: string }) => d.path === path)?.message).toMatch(message);
    }
    const wrongCaptcha = await c.post('/api/registration', { ...(await newUnit('13812340001')), captcha: 'zzzz' });
    expect(wrongCaptcha.status).toBe(400);
    expect((await store.registrationGuards.get({ login: '13812340001' }).go()).data).toBeNull();
  });

  it('takes an application, tells the applicant it is under review, and shows it to the matching reviewers only', async () => {
    const c = client();
    const r = await c.post('/api/registration', await newUnit('13812340002'));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', login: '13812340002' });
    // A second application for the same login waits for the first.
    expect((await c.post('/api/registration', await newUnit('13812340002'))).status).toBe(409);
    // Signing in before approval: the status, with the chosen password; the generic failure otherwise.
    const early = await c.post('/api/auth/enterprise/login', {
      login: '13812340002',
      password: 'Yanhua#2026',
      ...(await captcha()),
    });
    expect(early.status).toBe(403);
    expect(early.body.error.message).toBe('您的注册申请正在审核中，审核通过后即可登录');
    const guess = await c.post('/api/auth/enterprise/login', {
      login: '13812340002',
      password: 'Guess#2026',
      ...(await captcha()),
    });
    expect(guess.status).toBe(401);

    const seen = async (p: Persona) =>
      (
        (await (await signedInAs(store, t.url, p)).get('/api/registration/reviews?category=fireworks')).body.items ?? []
      ).map((i: { requestId: string }) => i.requestId);
    expect(await seen(FIREWORKS_QZ_REVIEWER)).toContain(r.body.requestId);
    expect(await seen(FIREWORKS_PROVINCE_REVIEWER)).toContain(r.body.requestId);
    expect(await seen(FIREWORKS_SM_REVIEWER)).not.toContain(r.body.requestId);
    const explosives = await (
      await signedInAs(store, t.url, EXPLOSIVES_QZ_REVIEWER)
    ).get('/api/registration/reviews?category=fireworks');
    expect(explosives.status).toBe(403);
    const inspector = await (await signedInAs(store, t.url, FIREWORKS_QZ_INSPECTOR)).get('/api/registration/reviews');
    expect(inspector.status).toBe(403);
  });

  it('answers an application for a login that already has an account exactly as any other (no enumeration)', async () => {
    const regulatorMobile = t.seeded.regulators[0]!.mobile;
    const c = client();
    const taken = await c.post('/api/registration', await newUnit(regulatorMobile));
    const free = await c.post('/api/registration', await newUnit('13812340077'));
    expect([taken.status, free.status]).toEqual([201, 201]);
    const shape = (b: { requestId: string; login: string; message: string }, login: string) => ({
      ...b,
      requestId: typeof b.requestId,
      message: b.message.replace(login, 'LOGIN'),
    });
    expect(shape(taken.body, regulatorMobile)).toEqual({ ...shape(free.body, '13812340077'), login: regulatorMobile });
    // A second try says the same as for a free login with an application under review.
    const [takenAgain, freeAgain] = [
      await c.post('/api/registration', await newUnit(regulatorMobile)),
      await c.post('/api/registration', await newUnit('13812340077')),
    ];
    expect(takenAgain.status).toBe(freeAgain.status);
    expect(takenAgain.body.error.message).toBe(freeAgain.body.error.message);
    // The parked application reaches no reviewer and can't sign anyone in.
    const seen = (
      await (await signedInAs(store, t.url, FIREWORKS_QZ_REVIEWER)).get('/api/registration/reviews?category=fireworks')
    ).body.items.map((i: { requestId: string }) => i.requestId);
    expect(seen).toContain(free.body.requestId);
    expect(seen).not.toContain(taken.body.requestId);
    // The lookup says nothing about a mobile number either.
    expect((await c.get(`/api/registration/lookup?code=${regulatorMobile}`)).body).toEqual({
      found: false,
      alreadyRegistered: false,
      pending: false,
    });
  });

  it('approves once, even when two reviewers decide at the same moment, and the enterprise then signs in', async () => {
    const c = client();
    const { body } = await c.post('/api/registration', await newUnit('13812340003'));
    const a = await signedInAs(store, t.url, FIREWORKS_QZ_REVIEWER);
    const b = await signedInAs(store, t.url, FIREWORKS_PROVINCE_REVIEWER);
    const [approved, rejected] = await Promise.all([
      a.post(`/api/registration/reviews/${body.requestId}/approve`),
      b.post(`/api/registration/reviews/${body.requestId}/reject`, { reason: '材料不全' }),
    ]);
    const statuses = [approved.status, rejected.status].sort();
    expect(statuses).toEqual([200, 409]);
    const { data: reg } = await store.registrations.get({ requestId: body.requestId }).go();
    if (approved.status === 200) {
      expect(reg!.status).toBe('approved');
      // Approving again changes nothing and creates nothing twice.
      expect((await a.post(`/api/registration/reviews/${body.requestId}/approve`)).status).toBe(200);
      const { data: accounts } = await store.accounts.query.byLogin({ login: '13812340003' }).go();
      expect(accounts).toHaveLength(1);
      const login = await client().post('/api/auth/enterprise/login', {
        login: '13812340003',
        password: 'Yanhua#2026',
        ...(await captcha()),
      });
      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({ stage: 'active', account: { kind: 'enterprise' } });
      // The new unit is on the register, in its segment's list for 泉州.
      const list = await store.enterpriseListings.query
        .bySegment({ category: 'fireworks', segment: 'retail' })
        .begins({ regionCode: '3505' })
        .go({ pages: 'all' });
      expect(list.data.map((l) => l.name)).toContain(reg!.unitName);
    } else {
      expect(reg!.status).toBe('rejected');
    }
  });

  it('rejects with a reason the applicant sees, and lets them apply again', async () => {
    const c = client();
    const { body } = await c.post('/api/registration', await newUnit('13812340004'));
    const reviewer = await signedInAs(store, t.url, FIREWORKS_QZ_REVIEWER);
    const noReason = await reviewer.post(`/api/registration/reviews/${body.requestId}/reject`, { reason: '' });
    expect(noReason.status).toBe(400);
    const r = await reviewer.post(`/api/registration/reviews/${body.requestId}/reject`, {
      reason: '营业场所与许可证不符',
    });
    expect(r.body).toMatchObject({ status: 'rejected' });
    expect((await reviewer.post(`/api/registration/reviews/${body.requestId}/approve`)).status).toBe(409);
    const login = await c.post('/api/auth/enterprise/login', {
      login: '13812340004',
      password: 'Yanhua#2026',
      ...(await captcha()),
    });
    expect(login.body.error.message).toBe('您的注册申请未通过审核：营业场所与许可证不符。请修改后重新注册');
    expect((await c.post('/api/registration', await newUnit('13812340004'))).status).toBe(201);
  });

  it('lets a unit on the register be claimed with its credit code, which becomes the login', async () => {
    const { data: e } = await store.enterprises.get({ enterpriseId: 'ent-000023' }).go();
    const c = client();
    const r = await c.post('/api/registration', {
      ...(await newUnit('13812340005', { unit: undefined })),
      hasLicence: true,
      code: e!.creditCode,
      regionCode: e!.regionCode,
      segments: e!.segments,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.login).toBe(e!.creditCode);
    const province = await signedInAs(store, t.url, {
      kind: 'regulator',
      department: 'anjian',
      regionCode: '35',
      categories: [e!.segments[0]!.category],
      roles: ['reviewer'],
    });
    expect((await province.post(`/api/registration/reviews/${r.body.requestId}/approve`)).status).toBe(200);
    const { data: accounts } = await store.accounts.query.byLogin({ login: e!.creditCode! }).go();
    expect(accounts[0]).toMatchObject({ enterpriseId: 'ent-000023', mustChangePassword: false });
  });
});
