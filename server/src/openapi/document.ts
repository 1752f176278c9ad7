// The HTTP API as an OpenAPI 3.1 document: the core serves it at {mount}/openapi.json, and
// scripts/gen-http-api.mjs writes it (and docs/http-api.md) into docs/. Bodies come from the
// zod schemas (openapi-schemas.ts), statuses and codes from the shared error table.
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  RECEIPT_HEADER,
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
} from './parts.js';
import { type ComponentName, componentSchemas, parameterSchema } from './schemas.js';

/** The version of the HTTP contract (not of the package): bumped when a route changes shape. */
export const HTTP_API_VERSION = '1.0.0';

const jsonContent = (name: ComponentName) => ({ 'application/json': { schema: schema(name) } });
const text = (type: string) => ({ [type]: { schema: { type: 'string' } } });
const preflight = {
  summary: 'CORS preflight',
  description:
    'Answered 204 with the CORS policy for an origin in `allowedOrigins`; from any other origin 403 `forbidden_origin`; without an Origin 405.',
  parameters: [param('Origin')],
  responses: {
    '204': {
      description: 'The preflight from an allowed origin.',
      headers: {
        'Access-Control-Allow-Origin': header('Access-Control-Allow-Origin'),
        'Access-Control-Allow-Methods': { schema: { const: 'GET,POST' } },
        'Access-Control-Allow-Headers': {
          schema: { const: `Content-Type,${CSRF_HEADER},Authorization,${RECEIPT_HEADER}` },
        },
        'Access-Control-Max-Age': { schema: { const: '600' } },
      },
    },
    ...errorResponses(['forbidden_origin', 'method_not_allowed']),
  },
};

/** A built script at its stable or its content-hashed URL. */
function scriptOperation(file: string, hashed: boolean, what: string): Json {
  return {
    summary: hashed ? `${what}, content-hashed and immutable` : what,
    description: hashed
      ? `The same bytes as \`${file}.js\` under a name that changes with them: \`Cache-Control: public, max-age=31536000, immutable\`. Only the current build's hash is served (\`widget.json\` names it${file === 'return' ? ', as `return_script`' : ''}); another is a 404. Reference it with the \`integrity\` value from \`widget.json\` and \`crossorigin="anonymous"\`.`
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
        'The routes the <digilocker-kyc> widget calls, mounted under one base path (`/kyc` by default). Every JSON reply carries `X-Request-Id` (and, on the API routes, `Cache-Control: no-store`); every error reply is an ErrorBody whose `code` is stable. Another method on `/sessions`, `/sessions/{reference_id}` or `/go` is answered 405 `method_not_allowed` with `Allow`; a path under the mount that is not listed here is a 404 `not_found`.',
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
                'Set-Cookie': {
                  description:
                    'The binding cookie: this browser started the attempt. `__Host-dlkyc_b_<hash>` on https (Secure, Path=/), `dlkyc_b_<hash>` on the mount path on http; HttpOnly, SameSite=Lax, until the attempt expires. A browser that blocks it as third-party uses `/go` instead.',
                  schema: { type: 'string' },
                },
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
          description: `Needs the attempt's \`session_token\` as \`Authorization: Bearer <token>\`; the token is bound to the origin that created it. With the return receipt (\`${RECEIPT_HEADER}\`) and Eko's \`consented\`, the reply adds \`completion_token\`: the session claims plus the time the return was seen, signed; the only token a merchant backend accepts. Status alone never completes an attempt. HEAD answers the same headers. Limited per token (120 a minute) and per client (600 a minute) by default.`,
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
            param(RECEIPT_HEADER),
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
      '/return/{state}/{secret}': {
        get: {
          operationId: 'returnPage',
          summary: 'Where DigiLocker sends the customer back (the redirect_url Eko is given)',
          description:
            'The `secret` is derived from the session secret for this state and appears in no reply, token or log line. With the binding cookie the create reply (or `/go`) set in this browser: the return page with a receipt for the widget, or a 303 to the merchant return URL the attempt asked for, with `dlkyc_state` and `dlkyc_receipt` in its query. Without the binding: a 303 to `/foreign-return` (logged as `foreign_return`).',
          parameters: [
            stateParam,
            {
              name: 'secret',
              in: 'path',
              required: true,
              description: "The attempt's return secret (43 base64url characters).",
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
            },
            verificationParam,
          ],
          responses: htmlPage(
            'The bound return: hands the receipt to the widget and closes. Sets a receipt cookie (HttpOnly, SameSite=Lax) for Continue.',
            {
              '303': {
                description:
                  'To the merchant return URL with state and receipt, or, in a browser without the binding, to `/foreign-return`.',
              },
              '404': {
                description: 'A missing or wrong secret: no cookie, no script.',
                content: jsonContent('ErrorBody'),
              },
              '503': {
                description:
                  'The shared store (Redis) is down: no receipt, a page asking the customer to reload.',
                content: text('text/html'),
              },
            },
          ),
        },
      },
      '/foreign-return': {
        get: {
          operationId: 'foreignReturnPage',
          summary:
            'The warning shown when DigiLocker returned to a browser that did not start the attempt',
          responses: htmlPage('Static words, no script.'),
        },
      },
      '/go': {
        post: {
          operationId: 'bindingHop',
          summary: 'Binds an attempt to this browser first-party, then on to DigiLocker',
          description:
            "A top-level form post from a page on `allowedOrigins` (never `null`), used when the server is on another site than the page, where the create reply's cookie would be a third-party cookie. The `session_token` must have been issued to that Origin; `url` must be https on the DigiLocker host allowlist (or the sandbox), so the hop is no open redirect. Sets the binding cookie and answers a page that moves on to `url` by a meta refresh (not a 303, so the page's `form-action` need only allow this server).",
          parameters: [param('RequiredOrigin')],
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['session_token', 'url'],
                  properties: {
                    session_token: {
                      type: 'string',
                      description: 'The `session_token` of the create reply.',
                    },
                    url: {
                      type: 'string',
                      description: 'The DigiLocker `url` of the create reply.',
                    },
                  },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'The binding cookie set; a page that moves on to DigiLocker.',
              content: text('text/html'),
            },
            ...errorResponses([
              'invalid_request',
              'unauthorized',
              'forbidden_origin',
              'unsupported_media_type',
            ]),
          },
        },
      },
      '/confirm/{state}': {
        get: {
          operationId: 'confirmPage',
          summary: "The widget's Continue: the receipt again, in the browser that saw the return",
          parameters: [stateParam],
          responses: htmlPage(
            'With the binding and the receipt cookie for this state: the return page.',
            {
              '403': {
                description: 'Otherwise: a page saying the consent was not finished here.',
                content: text('text/html'),
              },
            },
          ),
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
