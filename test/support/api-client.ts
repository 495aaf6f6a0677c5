/**
 * A browser-like API client for integration tests: keeps the cookies the server sets (path-blind, which is
 * fine for one origin) and echoes the CSRF cookie in `x-csrf-token` on unsafe requests, as the web client does.
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('hz_csrf');
    if (method !== 'GET' && csrf && !('x-csrf-token' in extra)) headers['x-csrf-token'] = decodeURIComponent(csrf);
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
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
