// English messages for zod/mini failures, passed to each parse that a person will read the
// result of (the request body, the environment, the sandbox's field checks).
//
// Why per parse and not `z.config(z.locales.en())`: zod keeps its configuration on globalThis,
// shared by every copy of zod in the process, so a library that configures it changes how the
// merchant's own schemas report errors. A per-parse error map touches nothing outside the call.
import type * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';

/** Pass as the second argument of `safeParse`: `schema.safeParse(input, IN_ENGLISH)`. */
export const IN_ENGLISH: z.core.ParseContext<z.core.$ZodIssue> = { error: english().localeError };
