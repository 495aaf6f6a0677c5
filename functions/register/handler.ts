/** The register context's Lambda: unit lists for regulators (the change workflow will join it). */
import type { Principal } from '../lib/auth/principal';
import { documents } from '../lib/clients/dynamodb';
import { config } from '../lib/config';
import { contextHandler } from '../lib/dispatch';
import { httpRoute } from '../lib/http/route';
import { createLogger } from '../lib/logger';
import { createStore, type Store } from '../store';
import * as routes from './manifest';
import { listUnits } from './units';

const logger = createLogger('register');

let store: Store | undefined;
const storeOf = (): Store => (store ??= createStore(documents, config.tableName));

export const handler = contextHandler(
  routes.registerManifest,
  {
    routes: {
      listUnits: httpRoute(
        routes.listUnits,
        async ({ principal, params, query }) =>
          listUnits(storeOf(), principal as Extract<Principal, { kind: 'regulator' }>, { ...params, ...query }),
        logger,
      ),
    },
  },
  logger,
);
