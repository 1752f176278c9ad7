// createSandbox: the simulated Eko API and DigiLocker consent pages as one Express app on its own origin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request, type Response } from 'express';
import { httpOrigin, loopbackFor } from '../defaults.js';
import { AttemptStore, type SandboxAttempt } from './attempts.js';
import { CONSENT_PATH } from './consent-page.js';
import { consentRouter } from './consent-routes.js';
import { controlRouter } from './control-api.js';
import { ekoApiRouter } from './eko-api.js';
import { ekoNotFound } from './eko-gateway.js';
import { FaultControl } from './fault-control.js';
import { resolveSandboxOptions, type SandboxConfig, type SandboxOptions } from './options.js';

/** Where Eko's API lives on the sandbox origin, as on staging.eko.in. */
export const EKO_API_PREFIX = '/ekoapi/v3';
export const CONTROL_PREFIX = '/__sandbox';

export interface RunningSandbox {
  /** `http://host:port`: the simulated DigiLocker pages live here. */
  origin: string;
  /** `{origin}/ekoapi/v3`: the value for EKO_BASE_URL. */
  apiBaseUrl: string;
  /** Stops listening and drops open connections, so tests end promptly. */
  close(): Promise<void>;
}

export interface Sandbox {
  /** The Express app; mount it or hand it to `http.createServer`. */
  app: Express;
  listen(port?: number, host?: string): Promise<RunningSandbox>;
  /** The settings in force, without the keys. */
  config: Omit<SandboxConfig, 'developerKey' | 'accessKey' | 'now' | 'random'>;
  store: AttemptStore;
  faults: FaultControl;
  /** Create calls that passed authentication (valid or not): the "double click" counter. */
  createRequests(): number;
  /** Forgets every attempt and counter and disarms run-time faults. */
  reset(): void;
  /** Looks an attempt up by Eko reference id, for tests. */
  attempt(referenceId: number): SandboxAttempt | undefined;
}

/** A browser cannot go to a wildcard address; the loopback address stands in for it. */
function originFor(host: string, port: number): string {
  return httpOrigin(loopbackFor(host), port);
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const config = resolveSandboxOptions(options);
  const store = new AttemptStore(config);
  const faults = new FaultControl(config.faults);
  let createRequests = 0;
  let listeningOrigin: string | undefined;

  /** The configured origin, else where we listen, else (app mounted elsewhere) the request's Host. */
  const consentUrl = (req: Request, token: string): string => {
    const base = config.publicOrigin ?? listeningOrigin ?? `${req.protocol}://${req.get('host')}`;
    const url = new URL(CONSENT_PATH, base);
    url.searchParams.set('session', token);
    return url.href;
  };

  const reset = (): void => {
    store.clear();
    faults.clear();
    createRequests = 0;
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    EKO_API_PREFIX,
    ekoApiRouter({
      credentials: { developerKey: config.developerKey, accessKey: config.accessKey },
      agent: { initiatorId: config.initiatorId, userCode: config.userCode },
      now: config.now,
      signatureToleranceMs: config.signatureToleranceMs,
      store,
      faults,
      slowBodyMs: config.slowBodyMs,
      consentUrl,
      onCreateRequest: () => {
        createRequests += 1;
      },
    }),
  );
  app.use('/digilocker', consentRouter({ store, faults, slowBodyMs: config.slowBodyMs }));
  if (config.controlApi) {
    app.use(
      CONTROL_PREFIX,
      controlRouter({ store, faults, createRequests: () => createRequests, reset }),
    );
  }
  app.get('/', function sandboxIndex(_req: Request, res: Response) {
    res
      .type('text/plain')
      .send(
        `SANDBOX — simulated Eko DigiLocker API and DigiLocker consent pages, no real KYC.\nAPI base: ${EKO_API_PREFIX}\nConsent pages: ${CONSENT_PATH}?session=…\n`,
      );
  });
  app.use(ekoNotFound);

  const listen = (port = 0, host = '127.0.0.1'): Promise<RunningSandbox> =>
    new Promise((resolve, reject) => {
      const server = createServer(app);
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const origin = originFor(host, (server.address() as AddressInfo).port);
        listeningOrigin ??= origin;
        resolve({
          origin,
          apiBaseUrl: `${origin}${EKO_API_PREFIX}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              server.closeAllConnections();
            }),
        });
      });
    });

  const { developerKey: _d, accessKey: _a, now: _n, random: _r, ...publicConfig } = config;
  return {
    app,
    listen,
    config: publicConfig,
    store,
    faults,
    createRequests: () => createRequests,
    reset,
    attempt: (referenceId) => store.byReference(referenceId),
  };
}
