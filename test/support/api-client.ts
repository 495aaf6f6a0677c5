import http from 'node:http';

/**
 * A browser-like API client for integration tests: keeps the cookies the server sets (path-blind, which is
 * fine for one origin) and echoes the CSRF cookie in `x-csrf-token` on unsafe requests, as the web client does.
 *
 * The gateway, like CloudFront, takes the viewer's address from the connection (a header saying otherwise is
 * overwritten), so a client that must count as another address for the per-address limits connects from
 * another loopback address: `fromAddress` gives one (all of 127.0.0.0/8 is this machine on Linux).
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
    readonly options: { localAddress?: string } = {},
  ) {}

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('hz_csrf');
    if (method !== 'GET' && csrf && !('x-csrf-token' in extra)) headers['x-csrf-token'] = decodeURIComponent(csrf);
    const payload = body !== undefined ? JSON.stringify(body) : undefined;
    const res = this.options.localAddress
      ? await requestFrom(this.options.localAddress, this.baseUrl + path, method, headers, payload)
      : await fetch(this.baseUrl + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any, headers: res.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown, extra?: Record<string, string>) => this.request('POST', path, body, extra);
}

/** The n-th loopback address other than 127.0.0.1 (n ≥ 1), for a client that must count as its own address. */
export const fromAddress = (n: number): { localAddress: string } => ({
  localAddress: `127.0.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`,
});

/** `fetch` cannot choose its source address; node:http can. Answers in fetch's shape. */
function requestFrom(
  localAddress: string,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) h.append(k, one);
        }
        const status = res.statusCode ?? 0;
        const content = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(content, { status, headers: h }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
