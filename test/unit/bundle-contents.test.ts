/**
 * What each function's bundle carries, built exactly as deployed (bench/bundles.ts: the CDK's esbuild options
 * and aliases): the things that once made every bundle 1.1–2.4 MiB stay out (README: Dependency notes).
 * Sizes and cold imports are the bench's business; this test guards the causes.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS } from '../../bench/bundles';
import { MANIFEST } from '../../functions/manifest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The functions that read or write spreadsheets, and do nothing else. */
const SPREADSHEET_CONTEXTS = ['account-sheets', 'imports', 'inspection-sheets'];

async function inputsOf(entry: string): Promise<string[]> {
  const { metafile } = await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, entry)],
    outfile: path.join(ROOT, 'bench', 'tmp', 'bundle.mjs'),
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(metafile.inputs);
}

const has = (inputs: string[], pkg: string) => inputs.some((f) => f.includes(`node_modules/${pkg}/`));

describe('function bundles', () => {
  for (const ctx of MANIFEST) {
    it(`${ctx.context}: only the zod, AWS clients and spreadsheet code it uses`, { timeout: 60_000 }, async () => {
      const inputs = await inputsOf(ctx.entry);
      expect(has(inputs, 'zod/v4/classic'), 'zod classic').toBe(false);
      // Lambda's credentials come from the environment: no profile/SSO/STS chain.
      expect(has(inputs, '@aws-sdk/credential-provider-node'), 'credential chain').toBe(false);
      expect(has(inputs, '@aws-sdk/nested-clients'), 'STS/SSO clients').toBe(false);
      expect(has(inputs, '@aws-sdk/client-s3'), 'S3 client').toBe(
        Boolean(ctx.grants.attachments || ctx.grants.auditAnchors),
      );
      // Only the outbox relay puts events on the bus; contexts write them into their transactions.
      expect(has(inputs, '@aws-sdk/client-eventbridge'), 'EventBridge client').toBe(false);
      expect(has(inputs, 'exceljs'), 'ExcelJS').toBe(SPREADSHEET_CONTEXTS.includes(ctx.context));
      // Even there, only the in-memory Workbook: not the streaming reader/writer and their zip libraries.
      expect(has(inputs, 'unzipper') || has(inputs, 'archiver'), 'ExcelJS streaming').toBe(false);
    });
  }

  it('the spreadsheet functions serve spreadsheet routes only', () => {
    const routes = MANIFEST.filter((c) => SPREADSHEET_CONTEXTS.includes(c.context)).flatMap((c) => c.routes);
    expect(routes.map((r) => r.path).every((p) => /\/imports?\b|import-template/.test(p))).toBe(true);
  });
});
