// zod/mini ships without messages. Everything that turns a schema failure into an error a
// person reads (the request body, the environment) calls this first, so zod's English
// messages are loaded. A function, not a side-effect import: this package declares
// "sideEffects": false, so bundlers may drop bare imports.
import * as z from 'zod/mini';

let loaded = false;

export function useEnglishMessages(): void {
  if (loaded) return;
  z.config(z.locales.en());
  loaded = true;
}
