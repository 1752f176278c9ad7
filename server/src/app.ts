// createApp: the standalone server — the router at /kyc plus health probes — with injected parts.
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { ServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { precomputedHeaders, sendJson } from './reply.js';
import { digilockerKyc, type KycRouter } from './router.js';
import type { DigilockerKycOptions } from './router-options.js';

const securityHeaders = precomputedHeaders(helmet());

/** The fixed mount point of the standalone server (design §4). */
export const MOUNT_PATH = '/kyc';

export interface AppDeps {
  config: ServerConfig;
  dispatcher?: Dispatcher;
  /** Unix milliseconds. */
  clock?: () => number;
  logger?: Logger;
  /** Extra router options a test or an embedding program needs (hooks, breaker timings, …). */
  router?: Partial<DigilockerKycOptions>;
}

export interface KycApp {
  app: Express;
  router: KycRouter;
  /** Readiness turns false at once, so a load balancer stops sending traffic while we drain. */
  startDraining(): void;
  close(): Promise<void>;
}

export function createApp({ config, dispatcher, clock, logger, router: extra }: AppDeps): KycApp {
  const log = logger ?? createLogger(config.logLevel);
  const sandbox = config.env === 'sandbox';
  let draining = false;
  const router = digilockerKyc({
    eko: config.eko,
    allowedOrigins: config.allowedOrigins,
    publicBaseUrl: config.publicBaseUrl,
    returnUrls: config.returnUrls,
    digilockerUrlHosts: config.digilockerUrlHosts,
    // In sandbox mode the consent page is the sandbox's own http origin.
    insecureUrlOrigins: sandbox ? [new URL(config.eko.baseUrl).origin] : [],
    sessionSecrets: config.sessionSecrets,
    rateLimit: { perMinute: config.rateLimitPerMinute, status: config.statusRateLimit },
    logger: log,
    ...(dispatcher ? { dispatcher } : {}),
    ...(clock ? { now: clock } : {}),
    ...extra,
  });
  const app = express();
  app.disable('x-powered-by');
  // A hop count, never `true`: with `true` any client could pick its own IP via X-Forwarded-For.
  app.set('trust proxy', config.trustProxyHops);
  app.get('/livez', securityHeaders, (_req, res) => {
    sendJson(res, 200, { status: 'ok' });
  });
  app.get('/readyz', securityHeaders, (_req, res) => {
    const health = router.health();
    const reasons = draining ? ['draining', ...health.reasons] : health.reasons;
    sendJson(res, reasons.length === 0 ? 200 : 503, {
      status: reasons.length === 0 ? 'ready' : 'not_ready',
      reasons,
    });
  });
  app.use(MOUNT_PATH, router);
  if (config.staticDir) {
    // The demo site: plain files, served with the same safe headers as everything else.
    app.use(
      precomputedHeaders(helmet({ contentSecurityPolicy: false, crossOriginOpenerPolicy: false })),
      express.static(config.staticDir, { index: 'index.html', dotfiles: 'ignore' }),
    );
  }
  app.use(securityHeaders, (req, res) => {
    sendJson(res, 404, {
      error: {
        code: 'not_found',
        message: `No route for ${req.method} ${req.path}.`,
        retryable: false,
        request_id: '',
      },
    });
  });

  return {
    app,
    router,
    startDraining() {
      draining = true;
    },
    close: () => router.close(),
  };
}
