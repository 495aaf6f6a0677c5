import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '/work/main/bench/bundles';
import { MANIFEST } from '/work/main/functions/manifest';
for (const ctx of MANIFEST) {
  const r = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join('/work/main', ctx.entry)],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = r.outputFiles[0]!.contents.length;
  const inputs = r.metafile!.outputs[Object.keys(r.metafile!.outputs)[0]!]!.inputs;
  const sm = Object.entries(inputs)
    .filter(([k]) => k.includes('client-secrets-manager'))
    .reduce((a, [, v]) => a + v.bytesInOutput, 0);
  console.log(ctx.context, (bytes / 1024).toFixed(1), 'KiB; secrets-manager', (sm / 1024).toFixed(1));
}
