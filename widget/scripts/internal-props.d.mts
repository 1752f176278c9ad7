// Types of internal-props.mjs for the TypeScript sources that import it (vite.config.ts, tests).
export declare const INTERNAL_PROPS: readonly string[];
