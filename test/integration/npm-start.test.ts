import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDynamoLocal, JavaMissingError } from '../../functions/local/dynamodb-local';
import { assertPortFree, freePort } from '../../functions/local/ports';
import { REPO_ROOT } from '../../functions/local/stack';

/** `npm start`'s entry point as a person runs it: it prints the URL and logins, and Ctrl-C stops everything. */
describe('the start command', () => {
  it('prints the URL and the demo logins, then stops itself and DynamoDB Local on Ctrl-C', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazmat-start-'));
    const ports = {
      PORT: await freePort(),
      DYNAMODB_PORT: await freePort(),
      S3_PORT: await freePort(),
      EVENTS_PORT: await freePort(),
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        HAZMAT_DATA_DIR: dataDir,
        HAZMAT_SEED_ENTERPRISES: '12',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no banner within 90 s:\n${out}`)), 90_000);
        child.stdout.on('data', () => out.includes('按 Ctrl-C 停止') && (clearTimeout(t), resolve()));
        child.once('exit', (code) => reject(new Error(`exited early with ${code}:\n${out}`)));
      });
      expect(out).toContain(`http://localhost:${ports.PORT}/`);
      expect(out).toMatch(/139\d{8}\s+\S+\s+\S+/);
      expect(out).toContain('本次已生成：12 家企业');
      const health = await fetch(`http://localhost:${ports.PORT}/api/health`);
      expect(health.status).toBe(200);

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      // DynamoDB Local (a java child) and every server are gone: their ports are free again.
      for (const [name, port] of Object.entries(ports)) await assertPortFree(port, name, name);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says how to install Java when it is missing', async () => {
    const path0 = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startDynamoLocal({ port: await freePort() })).rejects.toThrow(JavaMissingError);
      await expect(startDynamoLocal({ port: await freePort() })).rejects.toThrow(
        /apt-get install -y default-jre-headless/,
      );
    } finally {
      process.env.PATH = path0;
    }
  });
});
