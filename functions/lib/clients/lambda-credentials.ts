/**
 * The AWS credentials of a function on Lambda: its execution role's, which the Lambda runtime always puts in
 * the environment. The bundles use this module in place of the SDK's default chain
 * (`@aws-sdk/credential-provider-node`: profiles, SSO, web identity, process, container and instance metadata),
 * which would add ≈100 KiB — the STS, SSO and sign-in clients among it — to every function for sources Lambda
 * never uses; environment variables are also the first link of that chain, so on Lambda nothing changes.
 * Substituted at bundle time only (`LAMBDA_BUNDLE_ALIASES`, cdk/lib/bundle-aliases.ts); tests and `npm start`
 * run the sources and keep the full chain.
 */
interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Same export as `@aws-sdk/credential-provider-node`, which every client's runtime config imports. */
export const defaultProvider = () => async (): Promise<Credentials> => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('AWS credentials are missing from the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)');
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
};
