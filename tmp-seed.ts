import { freePort } from './functions/local/ports';
import { startLocalStack } from './functions/local/stack';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createStore } from './functions/store';
import { generateDemoData } from './functions/seed/generate';
import { hashPassword } from './functions/lib/auth/password';
const stack = await startLocalStack({ port: await freePort(), dynamoPort: await freePort(), s3Port: await freePort(), busPort: await freePort(), dataDir: '/tmp/hz-x' });
const store = createStore(DynamoDBDocumentClient.from(stack.dynamodb), 'hazmat-local');
const d = generateDemoData({ seed: 2017, enterprises: 300, today: '2026-11-28' });
for (const c of [1, 4, 8, 16]) {
let t = performance.now();
await store.personnel.put(d.personnel.slice(0,300).map(({id,...p})=>({...p, personId:id+c, regionCode:'35'}))).go({concurrency:c});
console.log('persons300 conc', c, performance.now()-t);
}
let t = performance.now();
for (let i=0;i<5;i++) await hashPassword('123456');
console.log('5 serial hashes', performance.now()-t);
t = performance.now();
await Promise.all(Array.from({length:8},()=>hashPassword('123456')));
console.log('8 parallel hashes', performance.now()-t);
await stack.stop();
