/**
 * Stands in for `jsonschema` in the Lambda bundles. ElectroDB uses that package for one thing: checking each
 * entity's model against a JSON schema when the entity is built. Our models are fixed at build time and every
 * test run (which uses the real package: tests and `npm start` run the sources) builds every entity
 * (`test/unit/store-models.test.ts`), so in a function the check only costs: ≈ 60 KiB of bundle and the
 * milliseconds each entity's first use spends validating its model. Substituted at bundle time only
 * (`LAMBDA_BUNDLE_ALIASES`, cdk/lib/bundle-aliases.ts).
 */
export class Validator {
  /** ElectroDB registers its formats on the prototype at load time. */
  customFormats: Record<string, (input: unknown) => boolean> = {};
  addSchema(): void {}
  validate(): { errors: never[] } {
    return { errors: [] };
  }
}
Validator.prototype.customFormats = {};
