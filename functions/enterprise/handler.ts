/** The enterprise context's Lambda: the enterprise's own 产品种类 and 从业人员 (企业信息管理). */
import type { Principal } from '../lib/auth/principal';
import { forbidden } from '../lib/http/errors';
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import * as routes from './manifest';
import type { EnterprisePrincipal } from './own-enterprise';
import { addPerson, deletePersonnel, updatePerson } from './personnel';
import { addProduct, removeProduct } from './products';

const logger = createLogger('enterprise');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));
/** Every route admits enterprise accounts only: the manifest's access rule, checked before this runs — and here. */
function own(p: Principal): EnterprisePrincipal {
  if (p.kind !== 'enterprise' || !p.enterpriseId) throw forbidden();
  return p;
}
const ctxOf = (input: { requestId: string; sourceIp: string }) => ({
  requestId: input.requestId,
  sourceIp: input.sourceIp,
});

export const handler = contextHandler(
  routes.enterpriseManifest,
  {
    routes: {
      addProduct: httpRoute(
        routes.addProduct,
        async (input) => addProduct(storeOf(), own(input.principal), input.body, ctxOf(input)),
        logger,
      ),
      removeProduct: httpRoute(
        routes.removeProduct,
        async (input) => removeProduct(storeOf(), own(input.principal), input.params.productId, ctxOf(input)),
        logger,
      ),
      addPerson: httpRoute(
        routes.addPerson,
        async (input) => addPerson(storeOf(), own(input.principal), input.body, ctxOf(input)),
        logger,
      ),
      updatePerson: httpRoute(
        routes.updatePerson,
        async (input) => updatePerson(storeOf(), own(input.principal), input.params.personId, input.body, ctxOf(input)),
        logger,
      ),
      deletePersonnel: httpRoute(
        routes.deletePersonnel,
        async (input) => deletePersonnel(storeOf(), own(input.principal), input.body.items, ctxOf(input)),
        logger,
      ),
    },
  },
  logger,
);
