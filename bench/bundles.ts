/**
 * Bundle each context's handler the way the stack does (esbuild, ESM, minified, everything bundled
 * including the AWS SDK), then measure its size and how long a fresh Node process takes to import it —
 * the cold-start cost that is ours rather than Lambda's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { LAMBDA_BUNDLE_ALIASES } from '../cdk/lib/bundle-aliases';
import type { ContextManifest } from '../functions/lib/wiring';
import { percentile } from './stats';

/** The same options the CDK's NodejsFunction uses (cdk/lib/constructs/context-function.ts). */
export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  alias: { ...LAMBDA_BUNDLE_ALIASES },
};

export interface BundleFigures {
  context: string;
  bytes: number;
  coldImportMs: number;
  /** CPU time of the same imports, which waiting for a core on a busy machine doesn't inflate. */
  coldImportCpuMs: number;
  /** The bundle carries ExcelJS: a spreadsheet function, with its own size budget (bench/run.ts). */
  spreadsheet: boolean;
}

/** Cold imports per bundle: the median of this many fresh processes. */
const COLD_IMPORT_SAMPLES = 11;

export async function measureBundles(
  manifest: readonly ContextManifest[],
  repoRoot: string,
  outDir: string,
): Promise<BundleFigures[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  for (const ctx of manifest) {
    const outfile = path.join(outDir, `${ctx.context}.mjs`);
    const { metafile } = await build({
      ...BUNDLE_OPTIONS,
      absWorkingDir: repoRoot,
      entryPoints: [path.join(repoRoot, ctx.entry)],
      outfile,
      metafile: true,
      logLevel: 'error',
    });
    const spreadsheet = Object.keys(metafile.inputs).some((f) => f.includes('node_modules/exceljs/'));
    const bytes = fs.statSync(outfile).size;
    // Wall-clock and CPU time (all of the process's threads) of the import: on a busy shared machine the wall
    // clock also counts waiting for a core, the CPU time does not.
    const script =
      'const c=process.cpuUsage(),t=performance.now();' +
      `await import(${JSON.stringify(outfile)});` +
      'const u=process.cpuUsage(c);console.log(performance.now()-t,(u.user+u.system)/1000)';
    const samples = Array.from({ length: COLD_IMPORT_SAMPLES }, () =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'us-east-1' },
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim()
        .split(' ')
        .map(Number),
    );
    results.push({
      context: ctx.context,
      bytes,
      coldImportMs: percentile(
        samples.map((s) => s[0]!),
        50,
      ),
      coldImportCpuMs: percentile(
        samples.map((s) => s[1]!),
        50,
      ),
      spreadsheet,
    });
  }
  return results;
}
