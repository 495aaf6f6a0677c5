/**
 * The in-process event bus: a small HTTP endpoint that speaks EventBridge's PutEvents (AWS JSON 1.1), so
 * the handlers publish with the real SDK client pointed at it (EVENTS_ENDPOINT), and a router that matches
 * each event against the manifest's subscriptions with the same pattern the stack's rules use.
 * Delivery is asynchronous like EventBridge's: PutEvents answers first, consumers run after; a failing
 * consumer is retried, then the event is set aside in `deadLetters` (the cloud's DLQ) and logged.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { eventPatternOf, type ContextManifest } from '../lib/wiring';
import { invoke, type LoadedHandler } from './functions';
import { assertPortFree } from './ports';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface Delivery {
  event: BusEvent;
  context: string;
  ok: boolean;
  attempts: number;
  error?: string;
}

export interface LocalBus {
  endpoint: string;
  port: number;
  /** Every delivery attempt's outcome, newest last (tests read it). */
  deliveries: Delivery[];
  deadLetters: Delivery[];
  /** Resolves when every event published so far has been delivered or dead-lettered. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

const MAX_ATTEMPTS = 3;

export function patternMatches(
  pattern: Record<string, string[]>,
  event: Pick<BusEvent, 'source' | 'detail-type'>,
): boolean {
  return Object.entries(pattern).every(([key, allowed]) => allowed.includes(String(event[key as keyof typeof event])));
}

export async function startLocalBus(opts: {
  port: number;
  busName: string;
  manifest: readonly ContextManifest[];
  handlers: Map<string, LoadedHandler>;
  log?: (line: string) => void;
}): Promise<LocalBus> {
  await assertPortFree(opts.port, '本地事件总线', 'EVENTS_PORT');
  const log = opts.log ?? (() => {});
  const rules = opts.manifest.flatMap((ctx) =>
    ctx.subscriptions.map((s) => ({ context: ctx.context, name: s.name, pattern: eventPatternOf(s) })),
  );
  const deliveries: Delivery[] = [];
  const deadLetters: Delivery[] = [];
  const inFlight = new Set<Promise<void>>();

  async function deliver(event: BusEvent, context: string): Promise<void> {
    let lastError = '';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        await invoke(opts.handlers, context, event);
        deliveries.push({ event, context, ok: true, attempts: attempt });
        return;
      } catch (err) {
        lastError = (err as Error).message;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
    const failed = { event, context, ok: false, attempts: MAX_ATTEMPTS, error: lastError };
    deliveries.push(failed);
    deadLetters.push(failed);
    log(`event ${event['detail-type']} (${event.id}) → ${context} failed ${MAX_ATTEMPTS} times: ${lastError}`);
  }

  function route(event: BusEvent): void {
    const targets = new Set(rules.filter((r) => patternMatches(r.pattern, event)).map((r) => r.context));
    for (const context of targets) {
      const p = deliver(event, context).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
        return reply(400, { __type: 'UnknownOperationException', message: 'only PutEvents is emulated' });
      }
      let input: { Entries?: { Source?: string; DetailType?: string; Detail?: string; EventBusName?: string }[] };
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { __type: 'ValidationException', message: 'invalid JSON' });
      }
      const entries = input.Entries ?? [];
      if (entries.length === 0 || entries.length > 10) {
        return reply(400, { __type: 'ValidationException', message: 'Entries must hold 1 to 10 items' });
      }
      let failed = 0;
      const results = entries.map((e) => {
        let detail: unknown;
        try {
          detail = JSON.parse(e.Detail ?? '');
        } catch {
          failed++;
          return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' };
        }
        if (e.EventBusName && e.EventBusName !== opts.busName) {
          failed++;
          return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `bus ${e.EventBusName} does not exist` };
        }
        const event: BusEvent = {
          version: '0',
          id: randomUUID(),
          'detail-type': e.DetailType ?? '',
          source: e.Source ?? '',
          account: '000000000000',
          time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          region: 'local',
          resources: [],
          detail,
        };
        setImmediate(() => route(event));
        return { EventId: event.id };
      });
      reply(200, { FailedEntryCount: failed, Entries: results });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    deliveries,
    deadLetters,
    async drain() {
      // Routing waits one setImmediate; loop until nothing new is in flight.
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (inFlight.size === 0) return;
        await Promise.allSettled([...inFlight]);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
