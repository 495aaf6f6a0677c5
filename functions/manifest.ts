/**
 * Every bounded context's manifest, in one list: the single source the CDK stack and the local runtime
 * read to wire routes, event rules and schedules. A new context adds one line here.
 */
import type { ContextManifest } from './lib/wiring';
import { identityManifest } from './identity/manifest';
import { platformManifest } from './platform/manifest';

export const MANIFEST: readonly ContextManifest[] = [platformManifest, identityManifest];
