// Mocha's globals as web-test-runner provides them, typed here so `tsc` checks the tests too.
declare function describe(name: string, suite: () => void): void;
declare function it(name: string, test: () => unknown): void;
declare function beforeEach(hook: () => unknown): void;
declare function afterEach(hook: () => unknown): void;
