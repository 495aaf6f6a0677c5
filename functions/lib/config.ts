import { ENV } from './env-names';

/** Settings read from the environment; names live in env-names.ts so the stack and the local runtime agree. */
function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
}

export const config = {
  /** Read at call time, not at import, so tests and the local runtime can set them first. */
  get tableName(): string {
    return required(ENV.tableName);
  },
  get bucketName(): string {
    return required(ENV.bucketName);
  },
  get auditAnchorBucket(): string {
    return required(ENV.auditAnchorBucket);
  },
  get eventBusName(): string {
    return required(ENV.eventBusName);
  },
  get appVersion(): string {
    return process.env[ENV.appVersion] ?? 'dev';
  },
  get siteOrigin(): string | undefined {
    return process.env[ENV.siteOrigin];
  },
};
