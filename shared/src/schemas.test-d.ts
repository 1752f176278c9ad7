// Compile-only: each zod schema produces exactly the hand-written protocol type it validates, so
// the widget's types (from ./protocol) and the server's validation cannot drift apart.
import type * as z from 'zod/mini';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  ErrorBody,
  ReturnMessage,
  SessionStatusResponse,
} from './protocol/index.js';
import type {
  createSessionRequestSchema,
  createSessionResponseSchema,
  errorBodySchema,
  returnMessageSchema,
  sessionStatusResponseSchema,
} from './schemas.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const agreement: [
  Same<z.output<typeof createSessionRequestSchema>, CreateSessionRequest>,
  Same<z.output<typeof createSessionResponseSchema>, CreateSessionResponse>,
  Same<z.output<typeof sessionStatusResponseSchema>, SessionStatusResponse>,
  Same<z.output<typeof errorBodySchema>, ErrorBody>,
  Same<z.output<typeof returnMessageSchema>, ReturnMessage>,
] = [true, true, true, true, true];

// A protocol type that drifts from its schema turns its slot into `false`.
// @ts-expect-error a type with a field the schema does not produce is not the same
export const drift: Same<
  z.output<typeof sessionStatusResponseSchema>,
  SessionStatusResponse & { name: string }
> = true;
