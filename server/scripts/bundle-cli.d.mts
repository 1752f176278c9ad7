// Types of bundle-cli.mjs's exports, for src/cli-bundle.test.ts.
import type { BuildOptions, Metafile } from 'esbuild';

export declare const NODE_BUNDLE_OPTIONS: BuildOptions & { metafile: true };
export declare const CLI_BUILD_OPTIONS: BuildOptions & { metafile: true };
export declare const NEUTRAL_MODULES: string[];
export declare function checkSandboxSplit(metafile: Metafile, entry?: string): string[];
