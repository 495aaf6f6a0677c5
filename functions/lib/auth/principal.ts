import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { CategoryCode } from '../../../shared/reference/categories';
import type { DepartmentCode } from '../../../shared/reference/departments';

/** Who is asking: a regulator signed in to one category's platform, or an enterprise account. */
export type Principal =
  | {
      kind: 'regulator';
      accountId: string;
      department: DepartmentCode;
      /** '35' for 省直, a city (4 digits) or a county (6 digits): the prefix of what they may see. */
      regionCode: string;
      categories: CategoryCode[];
      roles: string[];
    }
  | { kind: 'enterprise'; accountId: string; enterpriseId: string };

/**
 * Resolve the caller's session from the request. Sessions arrive with the identity issue; until then no
 * request carries one, so every route the manifest does not mark public answers 401 — the check fails
 * closed, and it lives here, in one place, for every route of every context.
 */
export async function authenticate(_event: APIGatewayProxyEventV2): Promise<Principal | null> {
  return null;
}
