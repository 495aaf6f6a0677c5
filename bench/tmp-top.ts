import path from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from './bundles';
const entry = process.argv[2]!;
const r = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: [path.resolve(entry)],
  write: false,
  metafile: true,
  logLevel: 'error',
});
const inputs = r.metafile!.outputs[Object.keys(r.metafile!.outputs)[0]!]!.inputs;
const byPkg = new Map<string, number>();
for (const [k, v] of Object.entries(inputs)) {
  const m = k.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  const key = m ? m[1]! : k.split('/').slice(0, 2).join('/');
  byPkg.set(key, (byPkg.get(key) ?? 0) + v.bytesInOutput);
}
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 14))
  console.log((v / 1024).toFixed(1).padStart(8), k);
