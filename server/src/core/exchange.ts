// The framework-neutral request and reply the core works on; each adapter translates to them.

/** One HTTP request as the core sees it, whichever server or framework received it. */
export interface CoreRequest {
  /** The request id (`requestIdOf`): set by the adapter, which logs the request. */
  id: string;
  /** Upper case, as sent. */
  method: string;
  /** The path below the mount, percent-encoded as sent, starting with `/`; no query. */
  path: string;
  /** The raw query string without `?`; empty when there is none. */
  query: string;
  /** The mount's path as the browser sees it (`/kyc`), or `` at the root. */
  mount: string;
  /** A request header by lower-case name; repeated headers joined with `, `. */
  header(name: string): string | undefined;
  /** The client's address, as the adapter determines it (proxy hops applied); `` unknown. */
  ip: string;
  /** The request reached us over https (directly or through a trusted proxy). */
  secure: boolean;
  /**
   * The host compresses replies itself (Next.js, Vercel, Cloudflare Workers, Deno and the other
   * fetch platforms): the widget files go out as plain bytes, since a body already compressed
   * here would be compressed a second time (seen with `next start`: gzip over brotli).
   */
  hostCompresses?: boolean;
  /** The request declares a body (Content-Length or Transfer-Encoding, or a fetch body). */
  hasBody: boolean;
  /**
   * The raw body bytes, at most `limit` of them: rejects with a 413-typed error past that. Never
   * called for a request without a body.
   */
  readBody(limit: number): Promise<Uint8Array>;
  /** A body a framework has already parsed (Express with its own express.json()); skips reading. */
  parsedBody?: { value: unknown };
  /** Told the parsed body (Express sets `req.body`, so its hooks read it as from express.json()). */
  onBody?(value: unknown): void;
}

/** A reply's headers: case-insensitive names, values kept in the order set. */
export class HeaderBag {
  readonly #entries = new Map<string, [name: string, value: string | string[]]>();

  set(name: string, value: string): void {
    this.#entries.set(name.toLowerCase(), [name, value]);
  }

  /** Adds a value (a second RateLimit line, another Vary token) without dropping the first. */
  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const current = this.#entries.get(key);
    if (current === undefined) this.#entries.set(key, [name, value]);
    else current[1] = [...(Array.isArray(current[1]) ? current[1] : [current[1]]), value];
  }

  get(name: string): string | string[] | undefined {
    return this.#entries.get(name.toLowerCase())?.[1];
  }

  delete(name: string): void {
    this.#entries.delete(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string | string[]]> {
    return this.#entries.values();
  }
}

/** Scalar fields a handler adds to the request's access-log line (e.g. a salted hash). */
export type AccessLogFields = Record<string, string | number | boolean>;

export interface CoreResponse {
  status: number;
  headers: HeaderBag;
  /** Headers an earlier layer may have set that must not go out (helmet drops X-Powered-By). */
  removed: readonly string[];
  /** A string, bytes, or nothing (204, 304, HEAD). */
  body: string | Uint8Array | null;
  /** The request id, echoed in `X-Request-Id` and every error body. */
  requestId: string;
  logFields?: AccessLogFields;
}
