// Real requests against the consumer's server apps on 127.0.0.1: the router-with-sandbox recipe
// (Express 4 and 5) and the standalone CLI run through npx, both in sandbox mode.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, freePort, start, waitForUrl } from './steps.mjs';

const API_HEADERS = { 'x-digilocker-kyc': '1', 'content-type': 'application/json' };

/** POST {mount}/sessions as the widget does; returns the status and the parsed JSON body. */
async function createSession(site, origin, body = { documents: ['AADHAAR'] }) {
  const res = await fetch(`${site}/kyc/sessions`, {
    method: 'POST',
    headers: { ...API_HEADERS, origin },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      `POST /kyc/sessions answered ${res.status} with no JSON: ${text.slice(0, 200)}`,
    );
  }
  return { status: res.status, json };
}

/** A created attempt whose DigiLocker link opens the sandbox's consent page. */
async function expectCreated(site, origin) {
  const created = await createSession(site, origin);
  assert(
    created.status === 201,
    `POST /kyc/sessions answered ${created.status}, expected 201: ${JSON.stringify(created.json)}`,
  );
  for (const field of ['reference_id', 'url', 'state', 'session_token']) {
    assert(typeof created.json[field] === 'string', `The created session has no ${field}.`);
  }
  const consent = await fetch(created.json.url, { signal: AbortSignal.timeout(10_000) });
  assert(consent.status === 200, `The sandbox's consent page answered ${consent.status}.`);
  assert((await consent.text()).includes('SANDBOX'), "The consent page is not the sandbox's.");
}

export async function checkExpressApp(dir) {
  const port = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const app = start(process.execPath, [join(dir, 'dist', 'server.js')], {
    cwd: dir,
    env: { PORT: String(port) },
  });
  try {
    await waitForUrl(`${site}/`, app);
    await expectCreated(site, site);

    // Errors reach the router's own JSON error body, on Express 4 as on 5.
    const refused = await createSession(site, 'https://elsewhere.example');
    assert(
      refused.status === 403 && typeof refused.json.error?.code === 'string',
      `A foreign origin got ${refused.status} ${JSON.stringify(refused.json)}, expected 403 with an error code.`,
    );
    const invalid = await createSession(site, site, { documents: ['PASSPORT'] });
    assert(
      invalid.status === 400 && typeof invalid.json.error?.code === 'string',
      `An unknown document got ${invalid.status} ${JSON.stringify(invalid.json)}, expected 400 with an error code.`,
    );

    const status = await fetch(`${site}/kyc/sessions/unknown-reference`, {
      signal: AbortSignal.timeout(10_000),
    });
    assert(
      status.status === 401,
      `A status poll without a token got ${status.status}, expected 401.`,
    );

    const widget = await fetch(`${site}/kyc/widget.js`, { signal: AbortSignal.timeout(10_000) });
    assert(widget.status === 200, `GET /kyc/widget.js answered ${widget.status}.`);
    assert((await widget.text()).includes('digilocker-kyc'), 'widget.js is not the widget bundle.');
  } catch (error) {
    // A request that never got an answer usually means the app died: show why.
    throw new Error(
      `${error instanceof Error ? error.message : error}\n--- the app's output:\n${app.output()}`,
    );
  } finally {
    await app.stop();
  }
}

export async function checkCli(dir, npmEnv) {
  const port = await freePort();
  const sandboxPort = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const cli = start('npx', ['--no-install', 'digilocker-kyc-server'], {
    cwd: dir,
    env: {
      ...npmEnv,
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
  });
  try {
    await waitForUrl(`${site}/readyz`, cli);
    // In sandbox mode the server's own origin may call it.
    await expectCreated(site, site);
  } finally {
    await cli.stop();
  }
}

const SANDBOX_CLI = fileURLToPath(new URL('../../../server/dist/sandbox/cli.js', import.meta.url));

/** The node:http app with no Express: creates a session against the sandbox (its own process). */
export async function checkNodeHttpApp(dir) {
  const port = await freePort();
  const sandboxPort = await freePort();
  const site = `http://127.0.0.1:${port}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = start(process.execPath, [SANDBOX_CLI], {
    cwd: dir,
    env: { HOST: '127.0.0.1', SANDBOX_PORT: String(sandboxPort) },
  });
  const app = start(process.execPath, [join(dir, 'dist', 'server.js')], {
    cwd: dir,
    env: { PORT: String(port), SANDBOX_URL: sandboxUrl },
  });
  try {
    await waitForUrl(`${site}/`, app);
    await expectCreated(site, site);
    const widget = await fetch(`${site}/kyc/widget.js`, { signal: AbortSignal.timeout(10_000) });
    assert(widget.status === 200, `GET /kyc/widget.js answered ${widget.status}.`);
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : error}\n--- the app's output:\n${app.output()}\n--- the sandbox's:\n${sandbox.output()}`,
    );
  } finally {
    await app.stop();
    await sandbox.stop();
  }
}
