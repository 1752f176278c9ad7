// The CLI keeps V8's young generation at its first size (cli.ts, tuneHeap): under a burst its
// growth was most of the standalone server's peak memory. Checked in the built CLI, with a
// preload that allocates like a burst and reports the young generation's size.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { killAll, start } from '../../test/cli-process.js';

const PROBE = fileURLToPath(new URL('../../test/young-generation-probe.mjs', import.meta.url));
const MB = 1024 * 1024;

afterEach(killAll);

/** The young generation's size in the CLI after a burst of allocation, in bytes. */
async function youngGenerationAfterBurst(nodeOptions: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'dlkyc-young-'));
  const out = join(dir, 'new-space');
  try {
    const cli = start({ NODE_OPTIONS: `--import ${PROBE} ${nodeOptions}`, DLKYC_PROBE_OUT: out });
    await cli.ready;
    cli.process.kill('SIGUSR2');
    await expect.poll(() => existsSync(out), { timeout: 15_000 }).toBe(true);
    return Number(readFileSync(out, 'utf8'));
  } finally {
    killAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the young generation of the standalone server', () => {
  it('stays at its first size under a burst', async () => {
    expect(await youngGenerationAfterBurst('')).toBeLessThanOrEqual(4 * MB);
  }, 30_000);

  it('grows as V8 has it when the operator sizes it (so the check above can fail)', async () => {
    expect(await youngGenerationAfterBurst('--max-semi-space-size=8')).toBeGreaterThan(8 * MB);
  }, 30_000);
});
