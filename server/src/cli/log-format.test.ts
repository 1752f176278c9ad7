// Readable log lines in a developer's terminal, JSON for machines: the choice, the lines, the CLI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { ConfigError } from './config.js';
import { chooseLogFormat, prettyDestination } from './log-format.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('chooseLogFormat', () => {
  it.each([
    [{}, true, 'pretty'],
    [{}, false, 'json'],
    [{ NODE_ENV: 'production' }, true, 'json'],
    [{ NODE_ENV: 'development' }, true, 'pretty'],
    [{ LOG_FORMAT: 'json' }, true, 'json'],
    [{ LOG_FORMAT: 'pretty' }, false, 'pretty'],
    [{ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false, 'pretty'],
    [{ LOG_FORMAT: '' }, false, 'json'],
  ] as const)('%j on a terminal: %s → %s', (env, terminal, expected) => {
    expect(chooseLogFormat(env, terminal)).toBe(expected);
  });

  it('refuses an unknown LOG_FORMAT, naming the variable and the choices', () => {
    expect(() => chooseLogFormat({ LOG_FORMAT: 'xml' }, true)).toThrow(ConfigError);
    expect(() => chooseLogFormat({ LOG_FORMAT: 'xml' }, true)).toThrow(
      'LOG_FORMAT is invalid: Expected json or pretty.',
    );
  });
});

describe('the readable format', () => {
  it('writes one line per event: time, level, "METHOD path status time", extra fields', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const logger = createLogger('info', await prettyDestination(sink));
    logger.info(
      {
        req: { id: 'r1', method: 'POST', path: '/kyc/sessions' },
        res: { statusCode: 201 },
        responseTime: 12,
        ref: 'h4sh',
      },
      'request completed',
    );
    logger.warn({ session_token: 'v1.secret.token', origin: 'http://x.test' }, 'refused');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: POST \/kyc\/sessions 201 12 ms \{"ref":"h4sh"\}$/,
    );
    expect(lines[1]).toMatch(/WARN: refused /);
    // Redaction still applies: it runs in pino, before the line is formatted.
    expect(text).not.toContain('v1.secret.token');
    expect(text).toContain('[Redacted]');
  });
});

/** Runs the built CLI with stdout on a pipe until it listens and has logged one request. */
async function cliOutput(
  env: Record<string, string>,
): Promise<{ code: number | null; text: string }> {
  if (!existsSync(CLI))
    throw new Error('Expected a built CLI at server/dist/cli.js: run `pnpm build` first.');
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => {
    text += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    text += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const origin = /listening on (http:\/\/\S+)/.exec(text)?.[1];
    if (origin) {
      await fetch(`${origin}/kyc/sessions/1`).then((r) => r.arrayBuffer());
      await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill('SIGTERM');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.exitCode === null && child.signalCode === null && !child.killed) child.kill('SIGKILL');
  return { code: await exited, text };
}

describe('the CLI', () => {
  it('logs JSON when stdout is not a terminal', async () => {
    const { text } = await cliOutput({});
    const line = text
      .split('\n')
      .find((l) => l.includes('/kyc/sessions/:reference_id') && l.includes('request completed'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ res: { statusCode: 401 }, msg: 'request completed' });
  });

  it('logs readable lines with LOG_FORMAT=pretty, and the stop line is not lost', async () => {
    const { text } = await cliOutput({ LOG_FORMAT: 'pretty' });
    expect(text).toMatch(/INFO: GET \/kyc\/sessions\/:reference_id 401 \d+ ms/);
    expect(text).toMatch(/INFO: stopped /);
    expect(text).not.toMatch(/^\{"level"/m);
  });

  it('refuses a bad LOG_FORMAT at start', async () => {
    const { code, text } = await cliOutput({ LOG_FORMAT: 'xml' });
    expect(code).toBe(1);
    expect(text).toContain('LOG_FORMAT is invalid: Expected json or pretty.');
  });
});
