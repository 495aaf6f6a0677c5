/**
 * `npx tsx bench/warnings-only.ts`: only the warning scan's figures (bench/warnings-scan.ts) on a fresh local stack,
 * merged into bench/results.json in place of the previous `warnings.*` rows — for when the whole `npm run bench`
 * is too long.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../functions/local/ports';
import { REPO_ROOT, startLocalStack } from '../functions/local/stack';
import type { Row } from './run';
import { measureWarningScan } from './warnings-scan';

const dynamoPort = await freePort();
const stack = await startLocalStack({
  port: await freePort(),
  dynamoPort,
  s3Port: await freePort(),
  busPort: await freePort(),
});
let rows: Row[];
try {
  rows = await measureWarningScan(stack, `http://127.0.0.1:${dynamoPort}`);
} finally {
  await stack.stop();
}
const out = path.join(REPO_ROOT, 'bench', 'results.json');
const before = JSON.parse(fs.readFileSync(out, 'utf8')) as Row[];
fs.writeFileSync(
  out,
  `${JSON.stringify([...before.filter((r) => !r.name.startsWith('warnings.')), ...rows], null, 2)}\n`,
);
console.table(rows);
