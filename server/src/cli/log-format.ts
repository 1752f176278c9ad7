// How the CLI writes its logs: one readable line per event in a developer's terminal, JSON elsewhere.
import type { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import { ConfigError } from './config.js';

export type LogFormat = 'json' | 'pretty';

/**
 * `LOG_FORMAT` (`json` | `pretty`) when set; otherwise JSON for log collectors (stdout is not a
 * terminal, or NODE_ENV=production) and readable lines for a person at a terminal, where JSON
 * access logs would scroll the printed URLs out of sight.
 */
export function chooseLogFormat(
  env: { LOG_FORMAT?: string | undefined; NODE_ENV?: string | undefined },
  stdoutIsTerminal: boolean,
): LogFormat {
  const requested = env.LOG_FORMAT?.trim();
  if (requested) {
    if (requested === 'json' || requested === 'pretty') return requested;
    throw new ConfigError('LOG_FORMAT is invalid: Expected json or pretty.');
  }
  if (env.NODE_ENV === 'production') return 'json';
  return stdoutIsTerminal ? 'pretty' : 'json';
}

interface LogLine {
  msg?: string;
  req?: { method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** An access-log line reads `POST /kyc/sessions 201 12 ms`; any other line is its message. */
function messageFormat(log: Record<string, unknown>): string {
  const { msg = '', req, res, responseTime } = log as LogLine;
  if (req?.method && res?.statusCode !== undefined) {
    const time = responseTime === undefined ? '' : ` ${responseTime} ms`;
    return `${req.method} ${req.path ?? ''} ${res.statusCode}${time}${msg === 'request completed' ? '' : ` (${msg})`}`;
  }
  return msg;
}

/**
 * pino-pretty as an in-process stream (no worker thread), loaded only when asked for: a JSON
 * start-up does not pay for it. Redaction happens in pino before the line reaches this stream.
 */
export async function prettyDestination(destination?: Writable): Promise<DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,req,res,responseTime',
    messageFormat,
    // Synchronous writes: a terminal is fast enough, and the last lines before exit are kept.
    sync: true,
    ...(destination ? { destination, colorize: false } : {}),
  });
}
