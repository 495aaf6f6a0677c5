/**
 * The real CLI, as a deployer runs it: `npx cdk synth -q` (cdk.json's app, context and feature flags, the
 * built-in template validation, cdk-nag, local esbuild bundling) — offline, into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './support';

const out = mkdtempSync(join(tmpdir(), 'hazmat-cdk-out-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('`cdk synth -q` exits 0 and writes the Hazmat template', () => {
  const result = spawnSync('npx', ['cdk', 'synth', '-q', '--output', out], {
    cwd: REPO_ROOT,
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
    encoding: 'utf8',
    timeout: 170_000,
  });
  expect(result.error).toBeUndefined();
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const templateFile = join(out, 'Hazmat.template.json');
  expect(existsSync(templateFile)).toBe(true);
  const template = readFileSync(templateFile, 'utf8');
  expect(template).toContain('AWS::CloudFront::Distribution');
  expect(template).not.toContain('arn:aws:');
});
