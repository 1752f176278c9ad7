// The HTTP API as an OpenAPI 3.1 document: the core serves it at {mount}/openapi.json, and
// scripts/gen-http-api.mjs writes it (and docs/http-api.md) into docs/. Bodies come from the
// zod schemas (openapi-schemas.ts), statuses and codes from the shared error table.
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  STATE_QUERY_PARAM,
  VERIFICATION_QUERY_PARAM,
} from '@digilocker-kyc/shared';
import {
  ANY,
  CREATE_CODES,
  errorResponses,
  HEADERS,
  header,
  type Json,
  PARAMETERS,
  param,
  STATUS_CODES,
  schema,
} from './openapi-parts.js';
import { type ComponentName, componentSchemas, parameterSchema } from './openapi-schemas.js';

/** The version of the HTTP contract (not of the package): bumped when a route changes shape. */
export const HTTP_API_VERSION = '1.0.0';

const jsonContent = (name: ComponentName) => ({ 'application/json': { schema: schema(name) } });
const text = (type: string) => ({ [type]: { schema: { type: 'string' } } });
const preflight = {
  summary: 'CORS preflight',
  description:
    'Answered 204 with the CORS policy for an origin in `allowedOrigins`; from any other origin (or none) 405.',
  parameters: [param('Origin')],
  responses: {
    '204': {
      description: 'The preflight from an allowed origin.',
      headers: {
        'Access-Control-Allow-Origin': header('Access-Control-Allow-Origin'),
        'Access-Control-Allow-Methods': { schema: { const: 'GET,POST' } },
        'Access-Control-Allow-Headers': {
          schema: { const: `Content-Type,${CSRF_HEADER},Authorization` },
        },
        'Access-Control-Max-Age': { schema: { const: '600' } },
      },
    },
    ...errorResponses(['method_not_allowed']),
  },
};

/** A built script at its stable or its content-hashed URL. */
function scriptOperation(file: string, hashed: boolean, what: string): Json {
  return {
    summary: hashed ? `${what}, content-hashed and immutable` : what,
    description: hashed
      ? `The same bytes as \`${file}.js\` under a name that changes with them: \`Cache-Control: public, max-age=31536000, immutable\`. Only the current build's hash is served (\`${file}.json\` names it); another is a 404. Reference it with the \`integrity\` value from \`widget.json\` and \`crossorigin="anonymous"\`.`
      : `Cached for 5 minutes (\`Cache-Control: public, max-age=300\`), then revalidated by its ETag. Sent brotli- or gzip-compressed when \`Accept-Encoding\` allows (\`Vary: Accept-Encoding\`).`,
    parameters: [
      ...(hashed ? [param('hash')] : []),
      param('Accept-Encoding'),
      param('If-None-Match'),
    ],
    responses: {
      '200': {
        description: `${what}. Readable by any page (\`Access-Control-Allow-Origin: *\`, \`Cross-Origin-Resource-Policy: cross-origin\`).`,
        headers: {
          'Cache-Control': header('Cache-Control'),
          ETag: header('ETag'),
          'Content-Encoding': header('Content-Encoding'),
          Vary: header('Vary'),
          'Access-Control-Allow-Origin': header('Access-Control-Allow-Origin'),
        },
        content: text('text/javascript'),
      },
      '304': { description: 'Not modified: the ETag in `If-None-Match` is current.' },
      ...errorResponses(ANY),
    },
  };
}

const htmlPage = (description: string, extra: Record<string, Json> = {}): Json => ({
  '200': { description, content: text('text/html') },
  ...extra,
  ...errorResponses(ANY),
});

/** The document; `serverUrl` is the mount's URL (`publicBaseUrl` when served live). */
export function openApiDocument(serverUrl = '/kyc'): Json {
  const stateParam = {
    name: 'state',
    in: 'path',
    required: true,
    description:
      "The attempt's `state` from the create reply (in the return URL DigiLocker opens).",
    schema: parameterSchema('state'),
  };
  const verificationParam = {
    name: VERIFICATION_QUERY_PARAM,
    in: 'query',
    description: 'Added by Eko after consent; handed to the widget.',
    schema: { type: 'string' },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'digilocker-kyc signing server',
      version: HTTP_API_VERSION,
      description:
        'The routes the <digilocker-kyc> widget calls, mounted under one base path (`/kyc` by default). Every JSON reply carries `X-Request-Id` (and, on the API routes, `Cache-Control: no-store`); every error reply is an ErrorBody whose `code` is stable. Another method on `/sessions` or `/sessions/{reference_id}` is answered 405 `method_not_allowed` with `Allow`; a path under the mount that is not listed here is a 404 `not_found`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl, description: 'The mount (`publicBaseUrl`).' }],
    paths: {
      '/sessions': {
        post: {
          operationId: 'createSession',
          summary: 'Start a DigiLocker attempt',
          description: `Called by the widget from an allowed page: \`Origin\` must be in \`allowedOrigins\`, \`${CSRF_HEADER}: ${CSRF_HEADER_VALUE}\` must be present (a custom header forces a CORS preflight), and the body must be \`application/json\`, at most 2 KB. Rate-limited per client (and per merchant key when configured).`,
          parameters: [param('RequiredOrigin'), param(CSRF_HEADER), param('X-Request-Id')],
          requestBody: { required: true, content: jsonContent('CreateSessionRequest') },
          responses: {
            '201': {
              description: 'The attempt was created at Eko.',
              headers: {
                'X-Request-Id': header('X-Request-Id'),
                RateLimit: header('RateLimit'),
                'RateLimit-Policy': header('RateLimit-Policy'),
                'Access-Control-Allow-Origin': header('Access-Control-Allow-Origin'),
              },
              content: jsonContent('CreateSessionResponse'),
            },
            ...errorResponses(CREATE_CODES),
          },
        },
        options: { ...preflight, operationId: 'preflightCreate' },
      },
      '/sessions/{reference_id}': {
        get: {
          operationId: 'sessionStatus',
          summary: "An attempt's status (the widget polls it)",
          description:
            "Needs the attempt's `session_token` as `Authorization: Bearer <token>`; the token is bound to the origin that created it. HEAD answers the same headers. Limited per token (120 a minute) and per client (600 a minute) by default.",
          security: [{ sessionToken: [] }],
          parameters: [
            {
              name: 'reference_id',
              in: 'path',
              required: true,
              description: 'The `reference_id` of the create reply.',
              schema: parameterSchema('reference_id'),
            },
            { ...param('Origin') },
            param('X-Request-Id'),
          ],
          responses: {
            '200': {
              description: 'The status.',
              headers: { 'X-Request-Id': header('X-Request-Id') },
              content: jsonContent('SessionStatusResponse'),
            },
            ...errorResponses(STATUS_CODES),
          },
        },
        options: { ...preflight, operationId: 'preflightStatus' },
      },
      '/return': {
        get: {
          operationId: 'returnPage',
          summary: 'The return page (a configured `redirect_url` form)',
          parameters: [
            verificationParam,
            {
              name: STATE_QUERY_PARAM,
              in: 'query',
              description: "The attempt's state, on a merchant-chosen `redirect_url`.",
              schema: parameterSchema('state'),
            },
          ],
          responses: htmlPage(
            'Hands the result to the widget and closes; sets the return cookie when the state is named.',
          ),
        },
      },
      '/return/{state}': {
        get: {
          operationId: 'returnPageForState',
          summary: 'The return page DigiLocker sends the customer to',
          parameters: [stateParam, verificationParam],
          responses: htmlPage(
            "Hands the result to the widget and closes. Sets a cookie (HttpOnly, SameSite=Lax, 10 minutes, the mount's path) proving the return reached this browser.",
          ),
        },
      },
      '/confirm/{state}': {
        get: {
          operationId: 'confirmPage',
          summary: "The widget's Continue: the return page again, in the browser that consented",
          parameters: [stateParam],
          responses: htmlPage('With the return cookie for this state: the return page.', {
            '403': {
              description: 'Without the cookie: a page saying the consent was not finished here.',
              content: text('text/html'),
            },
          }),
        },
      },
      '/widget.js': {
        get: {
          operationId: 'widgetBundle',
          ...scriptOperation('widget', false, 'The widget bundle'),
        },
      },
      '/widget.{hash}.js': {
        get: {
          operationId: 'widgetBundleHashed',
          ...scriptOperation('widget', true, 'The widget bundle'),
        },
      },
      '/return.js': {
        get: {
          operationId: 'returnScript',
          ...scriptOperation('return', false, "The return page's script"),
        },
      },
      '/return.{hash}.js': {
        get: {
          operationId: 'returnScriptHashed',
          ...scriptOperation('return', true, "The return page's script"),
        },
      },
      '/lang/{code}.{hash}.js': {
        get: {
          operationId: 'languageFile',
          summary: 'A language file of the widget bundle, content-hashed and immutable',
          description:
            'The bundle imports the file of the language a page asks for from beside its own URL. `Cache-Control: public, max-age=31536000, immutable`; brotli- or gzip-compressed when `Accept-Encoding` allows. `widget.json` lists each one with its `integrity` value; another hash is a 404.',
          parameters: [
            param('code'),
            param('hash'),
            param('Accept-Encoding'),
            param('If-None-Match'),
          ],
          responses: {
            '200': {
              description:
                'The language file. Readable by any page (`Access-Control-Allow-Origin: *`, `Cross-Origin-Resource-Policy: cross-origin`).',
              content: text('text/javascript'),
            },
            '304': { description: 'Not modified: the ETag in `If-None-Match` is current.' },
            ...errorResponses(ANY),
          },
        },
      },
      '/widget.json': {
        get: {
          operationId: 'widgetManifest',
          summary: "The built files' hashed URLs and `integrity` values",
          description:
            'For templates that render `<script type="module" src integrity crossorigin>`. Readable by any page; cached 5 minutes.',
          responses: {
            '200': { description: 'The current build.', content: jsonContent('WidgetManifest') },
            ...errorResponses(ANY),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApiDocument',
          summary: 'This document',
          responses: {
            '200': {
              description: 'OpenAPI 3.1, JSON.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'session token',
          description:
            'The `session_token` of the create reply: `Authorization: Bearer <session_token>`.',
        },
      },
      parameters: PARAMETERS,
      headers: HEADERS,
    },
  };
}
