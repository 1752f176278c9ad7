// Free loopback ports for the processes a journey starts, picked outside the kernel's ephemeral
// range so that no outgoing connection can take one between the pick and the child's listen.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The kernel's range for ports it picks itself (listen on 0, every outgoing connection), from
 * /proc; Linux's default where there is no /proc.
 */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return [low!, high!];
  } catch {
    // Not Linux.
  }
  return [32_768, 60_999];
}

/**
 * Where a harness picks the ports it hands to a process to listen on later: outside the
 * kernel's ephemeral range. A port picked inside it can be taken, between the pick and the
 * child's listen, by any outgoing connection on the machine (a browser, another suite), and the
 * child then fails with EADDRINUSE (seen in the stress runs).
 */
function pickablePorts(count: number): { from: number; to: number } {
  const [low, high] = ephemeralRange();
  const below = { from: 10_000, to: low - count };
  const above = { from: high + 1, to: 65_535 - count };
  return below.to - below.from >= above.to - above.from ? below : above;
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free base port whose next `count - 1` ports are free too (the demo's pages assume the
 * default layout: sandbox on PORT+1, the second origin on PORT+2), outside the ephemeral range.
 */
export async function freeConsecutivePorts(count: number): Promise<number[]> {
  const { from, to } = pickablePorts(count);
  for (let tries = 0; tries < 50; tries++) {
    const base = from + Math.floor(Math.random() * (to - from));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    let free = true;
    for (const port of ports) {
      if (!(await isFree(port))) {
        free = false;
        break;
      }
    }
    if (free) return ports;
  }
  throw new Error(`No ${count} consecutive free ports found in ${from}-${to + count - 1}`);
}

/** A free loopback port for a process to listen on, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  const [port] = await freeConsecutivePorts(1);
  return port!;
}

/** Distinct free ports, each outside the ephemeral range. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
