// Types for scripts/leftover-processes.mjs, for the TypeScript harness that imports it.
export declare const RUN_MARKER: 'DLKYC_TEST_RUN';
export interface Leftover {
  pid: number;
  command: string;
}
export interface LeftoverQuery {
  runId: string;
  root?: string;
  since: number;
  self?: number;
}
export declare function findLeftovers(options: LeftoverQuery): Leftover[];
export declare function waitForLeftovers(
  options: LeftoverQuery,
  graceMs?: number,
): Promise<Leftover[]>;
export declare function killAll(processes: ReadonlyArray<{ pid: number }>): void;
export declare function controlCheck(options: {
  runId: string;
  root?: string;
}): Promise<string | undefined>;
