/**
 * The caller's own register entry: the enterprise its session names, read consistently (a write is built on
 * it). An entry that has been removed from the register (删除企业, approved) keeps its history but takes no
 * more changes.
 */
import { conflict, notFound } from '../lib/http/errors';
import type { EnterpriseRecord } from '../lib/register/entry-writes';
import type { Store } from '../store';

/** An enterprise account's caller: the routes' `access` admits nobody else. */
export type { EnterpriseAccount as EnterprisePrincipal } from '../lib/auth/principal';

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

export async function ownEnterprise(store: Store, enterpriseId: string): Promise<EnterpriseRecord> {
  const { data } = await store.enterprises.get({ enterpriseId }).go({ consistent: true });
  if (!data) throw notFound('企业不存在');
  if (data.removed) throw conflict('该企业已从登记册中删除，不能再修改其信息');
  return data;
}
