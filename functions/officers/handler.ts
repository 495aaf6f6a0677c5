/**
 * The officers context's Lambda: 执法人员 and their 回避, the department's 专家库 and the experts' 回避.
 */
import { defineHandler } from '../lib/handler';
import type { Regulator } from '../lib/auth/principal';
import { forbidden } from '../lib/http/errors';
import { assertManagesExperts } from '../lib/officers/experts';
import { declareConflict, listConflicts, withdrawConflict } from './conflicts';
import { createExpert, getExpert, listExperts, seenExpert, setExpertDisabled, updateExpert } from './experts';
import { officersManifest } from './manifest';
import { listOfficers, seenOfficer } from './officers';

/** 回避 are declared and withdrawn by the officer themselves: nobody answers for someone else's conflicts. */
function assertSelf(p: Regulator, officerId: string): void {
  if (p.accountId !== officerId) throw forbidden('只能为本人申报或撤销回避');
}

/** The route's principal, after the 专家库's own rule (三员分立) — for every expert route. */
function manager<P extends Regulator>(p: P): P {
  assertManagesExperts(p);
  return p;
}

export const handler = defineHandler(officersManifest, ({ store, now }) => ({
  routes: {
    listOfficers: async ({ principal, query }) => listOfficers(store, principal, query),
    listOfficerConflicts: async ({ principal, params, query }) =>
      listConflicts(store, { kind: 'officer', ...(await seenOfficer(store, principal, params.officerId)) }, query),
    declareOfficerConflict: async ({ principal, params, body, sourceIp, requestId }) => {
      assertSelf(principal, params.officerId);
      const s = { kind: 'officer' as const, officerId: principal.accountId, name: principal.name };
      return declareConflict(store, principal, s, body, { sourceIp, requestId }, new Date(now()));
    },
    withdrawOfficerConflict: async ({ principal, params, sourceIp, requestId }) => {
      assertSelf(principal, params.officerId);
      const s = { kind: 'officer' as const, officerId: principal.accountId, name: principal.name };
      return withdrawConflict(store, principal, s, params.enterpriseId, { sourceIp, requestId });
    },
    listExperts: async ({ principal, query }) => listExperts(store, manager(principal), query),
    getExpert: async ({ principal, params }) => getExpert(store, manager(principal), params.expertId),
    createExpert: async ({ principal, body, sourceIp, requestId }) =>
      createExpert(store, manager(principal), body, { sourceIp, requestId }, new Date(now())),
    updateExpert: async ({ principal, params, body, sourceIp, requestId }) =>
      updateExpert(store, manager(principal), params.expertId, body, { sourceIp, requestId }, new Date(now())),
    disableExpert: async ({ principal, params, body, sourceIp, requestId }) =>
      setExpertDisabled(
        store,
        manager(principal),
        params.expertId,
        true,
        body.version,
        { sourceIp, requestId },
        new Date(now()),
      ),
    enableExpert: async ({ principal, params, body, sourceIp, requestId }) =>
      setExpertDisabled(
        store,
        manager(principal),
        params.expertId,
        false,
        body.version,
        { sourceIp, requestId },
        new Date(now()),
      ),
    listExpertConflicts: async ({ principal, params, query }) => {
      const expert = await seenExpert(store, manager(principal), params.expertId);
      return listConflicts(store, { kind: 'expert', expert }, query);
    },
    declareExpertConflict: async ({ principal, params, body, sourceIp, requestId }) => {
      const expert = await seenExpert(store, manager(principal), params.expertId, true);
      return declareConflict(
        store,
        principal,
        { kind: 'expert', expert },
        body,
        { sourceIp, requestId },
        new Date(now()),
      );
    },
    withdrawExpertConflict: async ({ principal, params, sourceIp, requestId }) => {
      const expert = await seenExpert(store, manager(principal), params.expertId, true);
      return withdrawConflict(store, principal, { kind: 'expert', expert }, params.enterpriseId, {
        sourceIp,
        requestId,
      });
    },
  },
}));
