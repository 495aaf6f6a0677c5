import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ENV } from '../env-names';
import { endpointFrom } from './endpoint';

/** The EventBridge client, once per container; locally it talks to the in-process bus. */
export const eventBridge = new EventBridgeClient({ ...endpointFrom(ENV.eventsEndpoint) });
