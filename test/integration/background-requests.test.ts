import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_HEADER } from '../../shared/api/headers';
import { signedInAs } from '../support/personas';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The 消息 badge polls every minute. Such requests carry the background header: they are served, but they
 * don't move the session's idle clock (等保2.0's 30-minute idle timeout), neither directly nor through the
 * token refresh they may cause. A person's request does.
 */
describe('background requests and the idle timeout', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack({ seedEnterprises: 2 });
  }, 120_000);
  afterAll(async () => t?.stop());

  const tenMinutesAgo = () => Date.now() - 10 * 60_000;

  async function session() {
    const c = await signedInAs(t.store, t.url, { kind: 'enterprise', enterpriseId: 'ent-000001' });
    const sessionId = c.cookies.get('hz_at')!.split('.')[0]!;
    const idleSince = tenMinutesAgo();
    await t.store.sessions.patch({ sessionId }).set({ lastActivityAt: idleSince }).go();
    const lastActivity = async () => (await t.store.sessions.get({ sessionId }).go()).data!.lastActivityAt;
    return { c, idleSince, lastActivity };
  }

  it('serves a poll without counting it as activity; a person’s request counts', async () => {
    const { c, idleSince, lastActivity } = await session();
    const poll = await c.request('GET', '/api/notifications?limit=1', undefined, { [BACKGROUND_HEADER]: '1' });
    expect(poll.status).toBe(200);
    expect(await lastActivity()).toBe(idleSince);
    expect((await c.get('/api/notifications?limit=1')).status).toBe(200);
    expect(await lastActivity()).toBeGreaterThan(idleSince);
  });

  it('a refresh caused by a poll rotates the tokens but leaves the idle clock', async () => {
    const { c, idleSince, lastActivity } = await session();
    const polled = await c.request('POST', '/api/auth/refresh', undefined, { [BACKGROUND_HEADER]: '1' });
    expect(polled.status, JSON.stringify(polled.body)).toBe(200);
    expect(await lastActivity()).toBe(idleSince);
    const person = await c.post('/api/auth/refresh');
    expect(person.status).toBe(200);
    expect(await lastActivity()).toBeGreaterThan(idleSince);
  });
});
