/**
 * The local gateway: one HTTP server that does what CloudFront + API Gateway do in the cloud —
 * `/api/*` requests become API Gateway v2 events for the manifest's handlers; everything else is the
 * built site from web/build, with the SPA fallback (200.html) for paths that are not files.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ORIGIN_VERIFY_HEADER } from '../lib/http/origin-verify';
import { VIEWER_ADDRESS_HEADER } from '../lib/http/viewer-address';
import type { ContextManifest, HttpMethod } from '../lib/wiring';
import { compileRoute, matchRoute, toApiGatewayEvent, writeResult, type RoutePattern } from './apigw-event';
import { invoke, type LoadedHandler } from './functions';
import { assertPortFree } from './ports';

/** API Gateway's own payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers CloudFront's response-headers policy adds in the cloud. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

function jsonError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify({ error: { code, message } }));
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function serveStatic(siteDir: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://local');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.normalize(path.join(siteDir, rel));
  // Never serve outside the site folder.
  if (!file.startsWith(siteDir + path.sep)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end('404 未找到');
    return;
  }
  let target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  // Prerendered pages are `<path>.html`; anything else that isn't a file is an app route → SPA fallback.
  if (!target && fs.existsSync(`${file}.html`)) target = `${file}.html`;
  if (!target && fs.existsSync(path.join(file, 'index.html'))) target = path.join(file, 'index.html');
  if (!target && !path.extname(rel)) target = path.join(siteDir, '200.html');
  if (!target || !fs.existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end(fs.existsSync(siteDir) ? '404 未找到' : '站点尚未构建：请运行 npm run build:web');
    return;
  }
  const immutable = target.includes(`${path.sep}_app${path.sep}immutable${path.sep}`);
  res.writeHead(200, {
    'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  fs.createReadStream(target).pipe(res);
}

export async function startGateway(opts: {
  port: number;
  host?: string;
  siteDir: string;
  manifest: readonly ContextManifest[];
  handlers: Map<string, LoadedHandler>;
  /** The value CloudFront's origin header carries in the cloud; the local stack makes one up per start. */
  originSecret: string;
  log?: (line: string) => void;
}): Promise<Gateway> {
  await assertPortFree(opts.port, '本地网关', 'PORT');
  const host = opts.host ?? '127.0.0.1';
  const siteDir = path.resolve(opts.siteDir);
  const routes: (RoutePattern & { context: string })[] = opts.manifest
    .flatMap((ctx) =>
      ctx.routes.map((r) => ({ ...compileRoute(r.method as HttpMethod, r.path), context: ctx.context })),
    )
    // API Gateway picks the most specific route: fewer parameters first.
    .sort((a, b) => a.names.length - b.names.length);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return jsonError(res, 405, 'METHOD_NOT_ALLOWED', '不支持的请求方法');
      return serveStatic(siteDir, req, res);
    }
    const matched = matchRoute(routes, req.method ?? 'GET', url.pathname);
    if (!matched) return jsonError(res, 404, 'NOT_FOUND', '接口不存在');
    if ('methodNotAllowed' in matched) return jsonError(res, 405, 'METHOD_NOT_ALLOWED', '该接口不支持此请求方法');
    const body = await readBody(req);
    if (body === null) return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
    const route = matched.route as RoutePattern & { context: string };
    const event = toApiGatewayEvent(req, body, route, matched.params, { domainName: req.headers.host ?? host });
    // As CloudFront does: the viewer's address is the connection's, whatever the caller claimed, and the
    // origin secret is added (the functions refuse a request without it).
    event.headers[VIEWER_ADDRESS_HEADER] = event.requestContext.http.sourceIp;
    event.headers[ORIGIN_VERIFY_HEADER] = opts.originSecret;
    try {
      const result = await invoke(opts.handlers, route.context, event);
      writeResult(res, result);
    } catch (err) {
      // In the cloud an uncaught handler error is API Gateway's bare 500; say so without details.
      opts.log?.(`handler ${route.context} threw: ${(err as Error).stack ?? String(err)}`);
      jsonError(res, 500, 'INTERNAL', '系统内部错误，请稍后再试');
    }
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
