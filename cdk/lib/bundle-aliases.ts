/**
 * Modules the Lambda bundles replace at build time, relative to the repository root (esbuild `alias`). Read by
 * the stack's functions (cdk/lib/constructs/context-function.ts) and by the bench's bundle measurement
 * (bench/bundles.ts), so what is measured is what is deployed. Kept free of imports: both load it cheaply.
 */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  // Lambda gives a function its role's credentials in the environment; the SDK's full default chain is dead
  // weight there (see the module's comment).
  '@aws-sdk/credential-provider-node': './functions/lib/clients/lambda-credentials.ts',
  // ElectroDB's check of each entity model against a JSON schema: done by the tests, dead weight in a function.
  jsonschema: './functions/lib/clients/no-model-schema-check.ts',
};
