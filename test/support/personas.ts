/**
 * Signed-in test personas without going through passwords and second factors: a session is created
 * directly in the store (the same function sign-in uses), and an ApiClient carries its cookies. For the
 * authorization matrix, which is about what a signed-in caller may reach, not about signing in.
 */
import { createSession, type SessionIdentity } from '../../functions/lib/auth/sessions';
import type { Store } from '../../functions/store';
import { ApiClient, fromAddress } from './api-client';

export interface RegulatorPersona {
  kind: 'regulator';
  department: string;
  regionCode: string;
  categories: string[];
  roles: string[];
  category?: string;
}

export interface EnterprisePersona {
  kind: 'enterprise';
  enterpriseId: string;
}

export type Persona = RegulatorPersona | EnterprisePersona;

let n = 0;

export async function signedInAs(store: Store, baseUrl: string, p: Persona): Promise<ApiClient> {
  n++;
  const who: SessionIdentity =
    p.kind === 'regulator'
      ? {
          accountId: `persona-${n}`,
          kind: 'regulator',
          login: `1370000${String(n).padStart(4, '0')}`,
          name: `测试${n}`,
          department: p.department,
          regionCode: p.regionCode,
          categories: p.categories,
          roles: p.roles,
          category: p.category ?? p.categories[0]!,
        }
      : {
          accountId: `persona-${n}`,
          kind: 'enterprise',
          login: `PERSONA${n}`,
          name: `企业${n}`,
          enterpriseId: p.enterpriseId,
        };
  const tokens = await createSession(store, who, 'active', {});
  const client = new ApiClient(baseUrl, {}, fromAddress(n));
  client.cookies.set('hz_at', `${tokens.sessionId}.${tokens.access}`);
  client.cookies.set('hz_rt', `${tokens.sessionId}.${tokens.refresh}`);
  client.cookies.set('hz_csrf', tokens.csrf);
  return client;
}
