// The sandbox's loopback control API (server/src/sandbox/README.md): arm faults, count attempts.
export interface SandboxAttempts {
  create_requests: number;
  attempts_created: number;
  attempts_held: number;
  attempts: Array<{ reference_id: string | number; status: string; persona: string | null }>;
}

export class SandboxControl {
  constructor(readonly origin: string) {}

  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.origin}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(`${method} /__sandbox${path}: ${response.status} ${await response.text()}`);
    }
    return response.status === 204 ? undefined : response.json();
  }

  /** Faults for the next `times` requests they can affect (scope api, consent or all). */
  arm(faults: string, times?: number, scope: 'api' | 'consent' | 'all' = 'all'): Promise<unknown> {
    return this.#call('PUT', '/faults', { faults, ...(times ? { times } : {}), scope });
  }

  disarm(): Promise<unknown> {
    return this.#call('DELETE', '/faults');
  }

  attempts(): Promise<SandboxAttempts> {
    return this.#call('GET', '/attempts') as Promise<SandboxAttempts>;
  }

  /**
   * Decides an attempt as the consent form would, without a browser. `redirect` is the return
   * URL DigiLocker would send the customer to (with its secret): for tests of the return itself.
   */
  decide(
    referenceId: string,
    decision: 'approve' | 'deny' = 'approve',
  ): Promise<{ status: string; redirect: string }> {
    return this.#call('POST', `/attempts/${referenceId}/decision`, { decision }) as Promise<{
      status: string;
      redirect: string;
    }>;
  }

  reset(): Promise<unknown> {
    return this.#call('POST', '/reset', {});
  }
}
