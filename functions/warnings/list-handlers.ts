/**
 * The implementations of 大数据预警's list routes (list-routes.ts), for the warnings handler's `routes`
 * (`...warningListImpls(deps)`). Apart from the route definitions, so the manifest (which the OpenAPI document and
 * every context's wiring import) pulls in no domain code.
 */
import { warningIdOfRef } from '../../shared/api/warnings';
import type { HandlerDeps } from '../lib/handler';
import type { RouteImpl } from '../lib/http/route';
import { fixCertificate as fix } from './certificate-fix';
import { closeWarning as close } from './close';
import type { closeWarning, fixWarningCertificate, getWarning, listWarnings } from './list-routes';
import { getWarningDetail as detail, listWarnings as list } from './lists';

export function warningListImpls({ store, now }: Pick<HandlerDeps, 'store' | 'now'>): {
  listWarnings: RouteImpl<typeof listWarnings>;
  getWarning: RouteImpl<typeof getWarning>;
  fixWarningCertificate: RouteImpl<typeof fixWarningCertificate>;
  closeWarning: RouteImpl<typeof closeWarning>;
} {
  const clock = () => new Date(now());
  const meta = (input: { requestId: string; sourceIp: string }) => ({
    requestId: input.requestId,
    sourceIp: input.sourceIp,
  });
  return {
    listWarnings: async ({ principal, params, query }) => list(store, principal, params.kind, query),
    getWarning: async ({ principal, params }) => detail(store, principal, warningIdOfRef(params.warningRef)),
    fixWarningCertificate: async (input) =>
      fix(store, input.principal, warningIdOfRef(input.params.warningRef), input.body, meta(input), clock),
    closeWarning: async (input) =>
      close(store, input.principal, warningIdOfRef(input.params.warningRef), input.body, meta(input), clock),
  };
}
