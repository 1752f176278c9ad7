// The OpenAPI document's JSON Schemas, converted from the very zod schemas the server validates
// and answers with (shared's main entry), so the document cannot drift from the code.
import {
  createSessionRequestSchema,
  createSessionResponseSchema,
  documentListSchema,
  documentTypeSchema,
  ERROR_CODES,
  errorBodySchema,
  referenceIdSchema,
  sessionStatusResponseSchema,
  stateSchema,
} from '@digilocker-kyc/shared';
import * as z from 'zod/mini';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

const assetInfoSchema = z.object({
  file: z.string().check(z.regex(/^(widget|return|lang\/[a-z]{2})\.[0-9a-f]{10}\.js$/)),
  url: z.string(),
  hash: z.string().check(z.regex(/^[0-9a-f]{10}$/)),
  integrity: z.string().check(z.regex(/^sha384-[A-Za-z0-9+/]{64}$/)),
});

/** `GET {mount}/widget.json` (built-asset.ts answers it). */
const widgetManifestSchema = z.object({
  widget: assetInfoSchema,
  return_script: z.optional(assetInfoSchema),
  /** The bundle's language files by code (`ta`), when built beside it. */
  languages: z.optional(z.record(z.string().check(z.regex(/^[a-z]{2}$/)), assetInfoSchema)),
});

/** Each component: its zod schema and what it is, for people. */
const COMPONENTS = {
  DocumentType: [documentTypeSchema, 'A document DigiLocker can share.'],
  CreateSessionRequest: [
    createSessionRequestSchema,
    'What the widget asks for. Every field is optional: `{}` asks for the default documents. Unknown fields are refused.',
  ],
  CreateSessionResponse: [
    createSessionResponseSchema,
    'A DigiLocker attempt: the consent `url` to open, the `state` the return page will carry, and the `session_token` for the status route and your backend.',
  ],
  SessionStatusResponse: [
    sessionStatusResponseSchema,
    "The attempt's status as Eko reports it (cached briefly).",
  ],
  ErrorBody: [
    errorBodySchema,
    'Every error reply: a stable `code` (see the table of codes), a message for people, whether a retry can help, and the request id (also in `X-Request-Id`).',
  ],
  AssetInfo: [assetInfoSchema, 'A built file as a page references it: hashed URL and SRI value.'],
  WidgetManifest: [
    widgetManifestSchema,
    "The widget bundle's and the return script's current hashed URLs and integrity values.",
  ],
} as const;

export type ComponentName = keyof typeof COMPONENTS;

const HTTP_CODES = Object.entries(ERROR_CODES)
  .filter(([, { status }]) => status !== 0)
  .map(([code]) => code);

/**
 * What zod cannot express in JSON Schema by itself: the document list's uniqueness is a
 * refinement, the formats of response strings, and which codes travel over HTTP.
 */
const EXTRA = new Map<unknown, JsonSchema>([
  [documentListSchema, { uniqueItems: true }],
  // Codes with status 0 are the widget's own (network_error, …): no server reply carries them.
  [errorBodySchema.shape.error.shape.code, { enum: HTTP_CODES }],
  [createSessionResponseSchema.shape.url, { format: 'uri' }],
  [createSessionResponseSchema.shape.expires_at, { format: 'date-time' }],
  [assetInfoSchema.shape.url, { format: 'uri' }],
]);

/** `#/components/schemas/<name>` for every component, as OpenAPI 3.1 expects them. */
export function componentSchemas(): Record<ComponentName, JsonSchema> {
  const registry = z.registry<{ id: string; description: string }>();
  for (const [id, [schema, description]] of Object.entries(COMPONENTS)) {
    registry.add(schema, { id, description });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    metadata: registry,
    override: (ctx) => Object.assign(ctx.jsonSchema, EXTRA.get(ctx.zodSchema)),
  });
  // Components live inside the OpenAPI document: no dialect or base URI of their own.
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    out[name] = rest;
  }
  return out as Record<ComponentName, JsonSchema>;
}

/** A parameter's schema, from the same zod schema the route checks it with. */
export function parameterSchema(which: 'reference_id' | 'state'): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(
    which === 'state' ? stateSchema : referenceIdSchema,
    { target: 'draft-2020-12' },
  ) as JsonSchema;
  return schema;
}
