// The rate-limit counters of every instance in one Redis: a rate-limit-redis store per limiter over
// one node-redis client, loaded only when Redis is configured, never blocking start or requests.
//
// Redis down (at start or later) makes no request wait or fail: the client is offline at once
// (no offline queue), each limiter counts in this instance's memory (rate-limits.ts), and the
// client reconnects by itself; once it is back, the scripts are loaded again and the limits are
// shared again.
import type { Options, Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { RedisStore } from 'rate-limit-redis';
import { errorFields, type StoreOutage } from './store-outage.js';

/**
 * A connected node-redis client (`createClient()` from `redis` or `@redis/client`), or anything
 * with its `sendCommand(args)`; `isReady` and `on('error')` are used when present.
 */
interface RedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
  readonly isReady?: boolean;
  on?(event: 'error' | 'ready', listener: (error?: unknown) => void): unknown;
  off?(event: 'error' | 'ready', listener: (error?: unknown) => void): unknown;
}

/** A `redis://` or `rediss://` (TLS) URL, which this server connects and closes, or a client. */
export type RedisOption = string | RedisClientLike;

/** Every counter's key starts with this, so the keys are easy to find in a shared Redis. */
export const REDIS_KEY_PREFIX = 'digilocker-kyc:rl:';

/** How long close() waits for Redis to answer what is in flight before cutting the socket. */
const CLOSE_WAIT_MS = 1_000;

/** Reconnection waits 100 ms, doubling up to 2 s: a restarted Redis is used again within 2 s. */
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

/**
 * Why `value` is not a Redis URL this server can use, as a sentence that never repeats the URL
 * (it may carry a password); undefined when it is one.
 */
export function redisUrlProblem(value: string): string | undefined {
  const expected =
    'Expected a redis:// or rediss:// (TLS) URL such as redis://:password@redis.internal:6379/0';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return expected;
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    return expected;
  }
  if (!/^\/?(\d+)?$/.test(url.pathname)) return `${expected} (the path is a database number)`;
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return `${expected} (percent-encode the user name and password)`;
  }
  return undefined;
}

export interface SharedRedis {
  /** A store for one limiter (the core makes one per limiter). */
  store: () => Store;
  /** False while the client is not connected. */
  available(): boolean;
  /** Sends one command on the shared client; rejects while Redis cannot answer. */
  command(args: string[]): Promise<unknown>;
  /** Closes the client this module opened from a URL; a client passed in is the caller's. */
  close(): Promise<void>;
}

interface Loaded {
  RedisStore: typeof RedisStore;
  client: RedisClientLike;
}

export function sharedRedis(option: RedisOption, outage: StoreOutage, logger: Logger): SharedRedis {
  const owned = typeof option === 'string';
  let client: RedisClientLike | undefined = owned ? undefined : option;
  let closed = false;
  const onError = (error?: unknown) => outage.connectionFailed(error);
  // (Re)connected: readiness stops reporting Redis before the next request proves it.
  const onReady = () => outage.recovered();
  // Without a listener, a client's `error` event would crash the process.
  client?.on?.('error', onError);
  client?.on?.('ready', onReady);

  const loaded: Promise<Loaded> = (async () => {
    const { RedisStore } = await import('rate-limit-redis');
    if (typeof option !== 'string') return { RedisStore, client: option };
    const redis = await import('@redis/client');
    // A CommonJS module: bundled (the CLI), its exports are under `default`.
    const createClient =
      redis.createClient ?? (redis as unknown as { default: typeof redis }).default.createClient;
    const opened = createClient({
      url: option,
      // Offline, a command fails at once instead of waiting in a queue: the request is counted in memory.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelay },
    });
    opened.on('error', onError);
    let connectedBefore = false;
    opened.on('ready', () => {
      if (!connectedBefore) logger.info('Redis connected: rate-limit counters are shared');
      connectedBefore = true;
      onReady();
    });
    // Retries by itself until Redis answers (or close()); a Redis down at start delays nothing.
    opened.connect().catch(onError);
    client = opened as unknown as RedisClientLike;
    if (closed) await opened.close().catch(() => {});
    return { RedisStore, client };
  })();
  // A failed import is reported when a limiter uses the store; never an unhandled rejection.
  loaded.catch(() => {});

  return {
    store: () => new LazyRedisStore(loaded),
    available: () => client !== undefined && client.isReady !== false,
    async command(args) {
      const { client: ready } = await loaded;
      return ready.sendCommand(args);
    },
    async close() {
      closed = true;
      if (!owned) {
        client?.off?.('error', onError);
        client?.off?.('ready', onReady);
        return;
      }
      const opened = client as unknown as
        | { close(): Promise<void>; destroy(): void; isOpen: boolean }
        | undefined;
      if (!opened) return;
      // close() waits for the replies to commands in flight, which a hung Redis never sends:
      // after CLOSE_WAIT_MS the socket is destroyed, so a shutdown never waits on Redis.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        opened.close().catch((error: unknown) => {
          logger.debug({ err: errorFields(error) }, 'Redis client closed with an error');
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      if (opened.isOpen) opened.destroy();
    },
  };
}

/**
 * rate-limit-redis's store, created once the client exists. rate-limit-redis loads its scripts
 * in `init` and keeps a failed load for good; here a failed load is retried on the next
 * request, so a Redis that was down at start is used once it is up.
 */
class LazyRedisStore implements Store {
  readonly localKeys = false;
  readonly prefix = REDIS_KEY_PREFIX;
  #loaded: Promise<Loaded>;
  #store: Promise<RedisStore> | undefined;
  #options: Options | undefined;
  #scripts: Promise<void> | undefined;

  constructor(loaded: Promise<Loaded>) {
    this.#loaded = loaded;
  }

  init(options: Options): void {
    this.#options = options;
    this.#store = this.#loaded.then(({ RedisStore, client }) => {
      return new RedisStore({
        prefix: REDIS_KEY_PREFIX,
        sendCommand: (...args: string[]) =>
          client.sendCommand(args) as ReturnType<RedisStore['sendCommand']>,
      });
    });
    this.#store.catch(() => {});
    // Loaded now, so the first request does not wait for it; failures are retried later.
    this.#ready().catch(() => {});
  }

  async #ready(): Promise<RedisStore> {
    const store = await this.#storeOrThrow();
    if (this.#scripts === undefined) {
      const scripts = store.init(this.#options!);
      this.#scripts = scripts;
      scripts.catch(() => {
        if (this.#scripts === scripts) this.#scripts = undefined;
      });
    }
    await this.#scripts;
    return store;
  }

  #storeOrThrow(): Promise<RedisStore> {
    if (this.#store === undefined) throw new Error('The Redis store was used before init().');
    return this.#store;
  }

  async increment(key: string) {
    return (await this.#ready()).increment(key);
  }

  async decrement(key: string) {
    await (await this.#ready()).decrement(key);
  }

  async resetKey(key: string) {
    await (await this.#ready()).resetKey(key);
  }
}
