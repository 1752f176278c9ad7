// The size budgets of what a merchant's page loads, gzipped at level 9: the script-tag bundle, and
// the one language file a page that asks for a language other than English loads beside it.
export const BUNDLE = 'digilocker-kyc.bundle.js';
export const BUNDLE_BUDGET_GZIP = 13 * 1024;
/** The bundle's language files, dist/lang/<code>.<hash>.js. */
export const LANGUAGE_FILE = /^lang\/[a-z]{2}\.[0-9a-f]{10}\.js$/;
export const LANGUAGE_BUDGET_GZIP = 1.5 * 1024;
