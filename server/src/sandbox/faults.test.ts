// The fault mini-language and which source of faults a request gets.
import { describe, expect, it } from 'vitest';
import { FaultControl } from './fault-control.js';
import { faultsApplyTo, formatFaults, parseFaults } from './faults.js';

describe('parseFaults', () => {
  it.each([
    ['', {}],
    ['  ', {}],
    ['latency=250', { latencyMs: 250 }],
    ['error=503', { errorStatus: 503 }],
    ['malformed', { malformed: true }],
    ['reset', { reset: true }],
    ['slow-body', { slowBody: true }],
    ['coop', { coop: true }],
    ['leaky-link', { leakyLink: true }],
    ['leaky-link,latency=3', { leakyLink: true, latencyMs: 3 }],
    ['latency=0, coop ,error=404', { latencyMs: 0, coop: true, errorStatus: 404 }],
    ['coop,latency=10,malformed', { coop: true, latencyMs: 10, malformed: true }],
  ])('%j → %j', (spec, expected) => {
    expect(parseFaults(spec)).toEqual(expected);
  });

  it.each([
    ['boom', /unknown fault "boom".*known: latency, error, malformed, reset, slow-body, coop/],
    ['latency', /Expected "latency=<integer>"; received "latency"/],
    ['latency=fast', /Expected "latency=<integer>"/],
    ['latency=-5', /Expected "latency=<integer>"/],
    ['latency=999999', /between 0 and 120000; received 999999/],
    ['error=200', /between 400 and 599; received 200/],
    ['error=5xx', /Expected "error=<integer>"/],
    ['coop=1', /"coop" without a value/],
    ['leaky-link=1', /"leaky-link" without a value/],
    ['reset=yes', /"reset" without a value/],
    ['coop,,reset', /empty item/],
    ['coop,coop', /each at most once; "coop" repeats/],
    [
      'error=503,malformed',
      /at most one of error, malformed, reset, slow-body; received error and malformed/,
    ],
    ['reset,slow-body', /received reset and slow-body/],
    ['a=b=c', /received "a=b=c"/],
    ['COOP', /unknown fault "COOP"/],
  ])('rejects %j with a message naming the expectation', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(TypeError);
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('formatFaults is its inverse', () => {
    for (const spec of [
      'latency=5,error=502,coop',
      'malformed',
      'reset,coop',
      'slow-body',
      'leaky-link',
      '',
    ]) {
      expect(formatFaults(parseFaults(spec))).toBe(spec);
    }
  });
});

describe('faultsApplyTo', () => {
  it('coop touches only consent pages; body faults only the API; latency both', () => {
    expect(faultsApplyTo({ coop: true }, 'consent')).toBe(true);
    expect(faultsApplyTo({ coop: true }, 'api')).toBe(false);
    expect(faultsApplyTo({ errorStatus: 503 }, 'api')).toBe(true);
    expect(faultsApplyTo({ errorStatus: 503 }, 'consent')).toBe(false);
    expect(faultsApplyTo({ reset: true }, 'consent')).toBe(false);
    expect(faultsApplyTo({ latencyMs: 5 }, 'api')).toBe(true);
    expect(faultsApplyTo({ latencyMs: 5 }, 'consent')).toBe(true);
    expect(faultsApplyTo({}, 'api')).toBe(false);
    // The leaky link is a create reply's content: the API only.
    expect(faultsApplyTo({ leakyLink: true }, 'api')).toBe(true);
    expect(faultsApplyTo({ leakyLink: true }, 'consent')).toBe(false);
  });
});

describe('FaultControl.select', () => {
  it('uses the header over armed faults over process faults, never merging them', () => {
    const control = new FaultControl(parseFaults('latency=7'));
    expect(control.select('api', undefined)).toEqual({ latencyMs: 7 });
    control.arm('error=503', null, 'all');
    expect(control.select('api', undefined)).toEqual({ errorStatus: 503 });
    expect(control.select('api', 'malformed')).toEqual({ malformed: true });
    expect(control.select('api', '')).toEqual({});
  });

  it('counts armed faults down only on requests they affect, then falls back', () => {
    const control = new FaultControl({});
    control.arm('error=502', 2, 'all');
    expect(control.select('consent', undefined)).toEqual({});
    expect(control.select('api', undefined)).toEqual({ errorStatus: 502 });
    expect(control.snapshot().armed?.remaining).toBe(1);
    expect(control.select('api', undefined)).toEqual({ errorStatus: 502 });
    expect(control.select('api', undefined)).toEqual({});
    expect(control.snapshot().armed).toBeNull();
  });

  it('honours the scope', () => {
    const control = new FaultControl({});
    control.arm('latency=5', null, 'consent');
    expect(control.select('api', undefined)).toEqual({});
    expect(control.select('consent', undefined)).toEqual({ latencyMs: 5 });
  });

  it('does not let a header use up armed faults', () => {
    const control = new FaultControl({});
    control.arm('reset', 1, 'api');
    control.select('api', 'coop');
    expect(control.select('api', undefined)).toEqual({ reset: true });
  });

  it('throws the parser error for a bad header and refuses a bad arm', () => {
    const control = new FaultControl({});
    expect(() => control.select('api', 'explode')).toThrow(/unknown fault "explode"/);
    expect(() => control.arm('latency=x', 1, 'all')).toThrow(/latency=<integer>/);
    expect(control.snapshot().armed).toBeNull();
  });
});
