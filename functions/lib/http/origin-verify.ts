/**
 * Only CloudFront may call the API. The HTTP API's own `execute-api` URL is public, and a request sent
 * straight to it would skip CloudFront's viewer-address stamp and the WAF in front of the distribution
 * (per-address rate limit, managed rules). So CloudFront adds a secret header to every request it forwards
 * (cdk/lib/constructs/site.ts, the value a Secrets Manager dynamic reference resolved at deploy time), and
 * every function refuses an HTTP request without it before routing.
 *
 * Rotation: the value CloudFront sends changes only when the distribution is deployed, so both the secret's
 * current and previous versions are accepted (README, "Deploying": put a new value, then deploy). Values are
 * cached for five minutes, and re-read at most once a minute when a request carries an unknown value, so a
 * rotation is picked up without a cold start.
 *
 * Locally the gateway stands in for CloudFront and adds the header from the value the local stack made up.
 * Without either variable (handler unit tests) nothing is required; the CDK sets the ARN on every function
 * and a CDK test proves it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENV } from '../env-names';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
/** The JSON field of the secret that holds the value (the secret is generated as `{"value": "…"}`). */
export const ORIGIN_SECRET_FIELD = 'value';

const CACHE_MS = 5 * 60_000;
const REFRESH_ON_MISS_MS = 60_000;

interface Cached {
  values: string[];
  readAt: number;
}
let cached: Cached | undefined;

type SecretReader = (arn: string) => Promise<string[]>;

/** AWSCURRENT and, once there has been a rotation, AWSPREVIOUS. */
const readFromSecretsManager: SecretReader = async (arn) => {
  // Loaded on first use: only HTTP requests on AWS need it.
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const read = async (stage: string) => {
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: stage }));
      const value = (JSON.parse(out.SecretString ?? '{}') as Record<string, unknown>)[ORIGIN_SECRET_FIELD];
      return typeof value === 'string' && value.length >= 32 ? [value] : [];
    } catch (err) {
      // No previous version before the first rotation.
      if (stage === 'AWSPREVIOUS' && (err as Error).name === 'ResourceNotFoundException') return [];
      throw err;
    }
  };
  return [...(await read('AWSCURRENT')), ...(await read('AWSPREVIOUS'))];
};

let reader: SecretReader = readFromSecretsManager;
/** Tests only: read the secret some other way, and forget what was cached. */
export function setOriginSecretReader(r: SecretReader | undefined): void {
  reader = r ?? readFromSecretsManager;
  cached = undefined;
}

async function acceptedValues(now: number, miss: boolean): Promise<string[] | null> {
  const local = process.env[ENV.originSecret];
  if (local) return [local];
  const arn = process.env[ENV.originSecretArn];
  if (!arn) return null;
  const age = cached ? now - cached.readAt : Infinity;
  if (age > CACHE_MS || (miss && age > REFRESH_ON_MISS_MS)) cached = { values: await reader(arn), readAt: now };
  return cached!.values;
}

/** Compared as digests, in constant time whatever the lengths. */
const same = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** True when the request came through CloudFront (or the local gateway), or when no secret is configured. */
export async function fromTrustedOrigin(event: APIGatewayProxyEventV2, now = Date.now()): Promise<boolean> {
  const given = event.headers?.[ORIGIN_VERIFY_HEADER] ?? '';
  let values = await acceptedValues(now, false);
  if (values === null) return true;
  if (given && values.some((v) => same(v, given))) return true;
  if (!given) return false;
  values = (await acceptedValues(now, true)) ?? [];
  return values.some((v) => same(v, given));
}
