/**
 * `npm start`: the platform on this machine. Data lives in .local/ (git-ignored), so a restart keeps it;
 * demo data is seeded once, on the first start. Ctrl-C stops DynamoDB Local and everything else.
 */
import path from 'node:path';
import { JavaMissingError } from './dynamodb-local';
import { PortInUseError } from './ports';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createStore } from '../store';
import { LOCAL_NAMES, REPO_ROOT, startLocalStack, type LocalStack } from './stack';
import { printBanner } from './banner';
import { seedIfEmpty } from './seed';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const dataDir = process.env.HAZMAT_DATA_DIR ?? path.join(REPO_ROOT, '.local');
  const started = Date.now();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      dataDir,
      port: port('PORT', 3000),
      dynamoPort: port('DYNAMODB_PORT', 8000),
      s3Port: port('S3_PORT', 4569),
      busPort: port('EVENTS_PORT', 4010),
      host: process.env.HOST ?? '127.0.0.1',
      log: (line) => console.error(line.trimEnd()),
    });
  } catch (err) {
    if (err instanceof JavaMissingError || err instanceof PortInUseError) {
      console.error(`\n✖ ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const seeded = await seedIfEmpty(createStore(DynamoDBDocumentClient.from(stack.dynamodb), LOCAL_NAMES.table));
  printBanner({ stack, dataDir, seeded, startedMs: Date.now() - started });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止本地平台…`);
    await stack.stop();
    console.log('已停止。数据保存在', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
