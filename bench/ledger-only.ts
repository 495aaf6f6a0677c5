/**
 * `npx tsx bench/ledger-only.ts`: only the ledger's figures (bench/ledger.ts) on a fresh local stack, merged into
 * bench/results.json in place of the previous `ledger.*` rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../functions/local/ports';
import { REPO_ROOT, startLocalStack } from '../functions/local/stack';
import { measureLedger } from './ledger';
import type { Row } from './run';

const stack = await startLocalStack({
  port: await freePort(),
  dynamoPort: await freePort(),
  s3Port: await freePort(),
  busPort: await freePort(),
});
let rows: Row[];
try {
  rows = await measureLedger(stack);
} finally {
  await stack.stop();
}
const out = path.join(REPO_ROOT, 'bench', 'results.json');
const before = JSON.parse(fs.readFileSync(out, 'utf8')) as Row[];
fs.writeFileSync(
  out,
  `${JSON.stringify([...before.filter((r) => !r.name.startsWith('ledger.')), ...rows], null, 2)}\n`,
);
console.table(rows);
