// Command-line flags for Debian's Chromium in headless test runs, shared by the widget's unit
// tests (web-test-runner), the browser journeys (test/e2e) and the widget benchmark.
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
