/** One answer of the walk, with the URL it came from. */
export interface Hop {
  url: string;
  status: number;
  location: string | null;
  /** The content type. */
  type: string;
  body: string;
}

/**
 * A minimal browser for protocol tests: keeps cookies per host and port (Path, Max-Age=0), and
 * follows redirects one at a time so a test can look at or change each hop. Not a model of
 * SameSite: the Chromium test covers what a real browser sends.
 */
export class CookieJarClient {
  readonly #jar = new Map<string, Map<string, { value: string; path: string }>>();

  async get(url: string): Promise<Hop> {
    return this.request(url, { method: 'GET' });
  }

  async request(
    url: string,
    init: { method: string; body?: string; headers?: Record<string, string> },
  ): Promise<Hop> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.#cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    const response = await fetch(target, {
      method: init.method,
      body: init.body,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.#store(target, line);
    const location = response.headers.get('location');
    return {
      url: target.href,
      status: response.status,
      location: location ? new URL(location, target).href : null,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  }

  /** Follows redirects from `url` until an answer that is none, or until `stop` says so. */
  async follow(url: string, stop: (hop: Hop) => boolean = () => false): Promise<Hop> {
    let hop = await this.get(url);
    for (let i = 0; i < 20 && hop.location && !stop(hop); i++) hop = await this.get(hop.location);
    return hop;
  }

  cookie(origin: string, name: string): string | null {
    return this.#jar.get(new URL(origin).host)?.get(name)?.value ?? null;
  }

  #cookieHeader(url: URL): string {
    const cookies = this.#jar.get(url.host);
    if (!cookies) return '';
    return [...cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  #store(url: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const cookies = this.#jar.get(url.host) ?? new Map<string, { value: string; path: string }>();
    this.#jar.set(url.host, cookies);
    if (attribute('max-age') === '0' || attribute('expires')?.includes('1970')) cookies.delete(name);
    else cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}
