/**
 * The one store of a process: built on first use (the table name comes from the environment, which the local
 * runtime and the tests set after importing handlers) and shared by the session check
 * (functions/lib/auth/principal.ts) and the handler's dependencies (functions/lib/handler.ts), so a container
 * builds each entity once.
 */
import { createStore, type Store } from '../store';
import { documents } from './clients/dynamodb';
import { config } from './config';

let store: Store | undefined;

export const processStore = (): Store => (store ??= createStore(documents, config.tableName));
