export declare function loadedModules(code: string, cwd: string): string[];
export declare function pathOf(url: string): string;
export declare function packagesOf(paths: readonly string[]): string[];
