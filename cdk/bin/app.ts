/**
 * `cdk synth` / `cdk deploy` entry (cdk.json: `npx tsx cdk/bin/app.ts`). Context values are documented in
 * cdk/lib/app.ts, e.g. `npx cdk deploy -c stage=prod -c domainName=… -c certificateArn=…`.
 */
import { MANIFEST } from '../../functions/manifest';
import { createApp } from '../lib/app';

const { app } = createApp({ manifest: MANIFEST });
app.synth();
