/**
 * `npx tsx bench/only.ts <part> [<part> …]`: only some parts' figures on a fresh local stack, merged into
 * bench/results.json in place of that part's previous rows (`<part>.*`) — for when the whole `npm run bench` is too
 * long, or one figure must be measured again on a quiet machine. Parts: see PARTS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../functions/local/ports';
import { REPO_ROOT, startLocalStack, type LocalStack } from '../functions/local/stack';
import { measureDashboard } from './dashboard';
import { measureHazards } from './hazards';
import { measureLedger } from './ledger';
import type { Row } from './run';
import { measureWarningScan } from './warnings-scan';
import { measureWaybills } from './waybills';

/** A part: the prefix of its rows' names, and how it measures on a running stack. */
const PARTS: Record<string, (stack: LocalStack, dynamoEndpoint: string) => Promise<Row[]>> = {
  hazards: measureHazards,
  dashboard: measureDashboard,
  warnings: measureWarningScan,
  ledger: (stack) => measureLedger(stack),
  waybills: measureWaybills,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !(p in PARTS));
if (asked.length === 0 || unknown.length > 0) {
  console.error(`usage: npx tsx bench/only.ts <part> …  (parts: ${Object.keys(PARTS).join(', ')})`);
  process.exit(2);
}

const dynamoPort = await freePort();
const stack = await startLocalStack({
  port: await freePort(),
  dynamoPort,
  s3Port: await freePort(),
  busPort: await freePort(),
});
const rows: Row[] = [];
try {
  for (const part of asked) rows.push(...(await PARTS[part]!(stack, `http://127.0.0.1:${dynamoPort}`)));
} finally {
  await stack.stop();
}
const out = path.join(REPO_ROOT, 'bench', 'results.json');
const measured = new Set(rows.map((r) => r.name));
const before = JSON.parse(fs.readFileSync(out, 'utf8')) as Row[];
const kept = before.filter((r) => !measured.has(r.name) && !asked.some((p) => r.name.startsWith(`${p}.`)));
fs.writeFileSync(out, `${JSON.stringify([...kept, ...rows], null, 2)}\n`);
console.table(rows);
