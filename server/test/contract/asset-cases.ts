// The contract table, part three: the widget's built files as cacheable assets (stable and
// content-hashed URLs, brotli and gzip, validators, CORS for any page), widget.json, openapi.json.
import {
  type ContractCase,
  LANGUAGE_HASH,
  RETURN_HASH,
  RETURN_INTEGRITY,
  WIDGET_HASH,
  WIDGET_INTEGRITY,
} from './requests.js';

const JS = 'text/javascript; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** What lets any page load the file, with `integrity` and `crossorigin`, from another origin. */
const ANY_PAGE = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
} as const;
const CHROME = 'gzip, deflate, br, zstd';

export const ASSET_CASES: ContractCase[] = [
  {
    name: 'widget.js: brotli when the browser accepts it, varying on Accept-Encoding',
    request: { method: 'GET', path: '/widget.js', headers: { 'Accept-Encoding': CHROME } },
    status: 200,
    encoding: 'br',
    headers: {
      'content-type': JS,
      'cache-control': 'public, max-age=300',
      vary: /Accept-Encoding/,
      etag: `"${WIDGET_HASH}-br"`,
      ...ANY_PAGE,
    },
    body: /^\/\/ widget bundle/,
  },
  {
    name: 'widget.js: gzip when brotli is not accepted',
    request: { method: 'GET', path: '/widget.js', headers: { 'Accept-Encoding': 'gzip' } },
    status: 200,
    encoding: 'gzip',
    headers: { vary: /Accept-Encoding/, etag: `"${WIDGET_HASH}-gz"` },
    body: /^\/\/ widget bundle/,
  },
  {
    name: 'widget.js: the plain bytes when no encoding is accepted',
    request: { method: 'GET', path: '/widget.js', headers: { 'Accept-Encoding': 'identity' } },
    status: 200,
    headers: { 'content-encoding': null, vary: /Accept-Encoding/, etag: `"${WIDGET_HASH}"` },
    body: /^\/\/ widget bundle/,
  },
  {
    name: 'widget.js: revalidated by its ETag, 304 without a body',
    request: {
      method: 'GET',
      path: '/widget.js',
      headers: { 'Accept-Encoding': CHROME, 'If-None-Match': `"${WIDGET_HASH}-br"` },
    },
    status: 304,
    headers: { etag: `"${WIDGET_HASH}-br"`, 'cache-control': 'public, max-age=300' },
    body: /^$/,
  },
  {
    name: 'widget.<hash>.js: the same bytes, cached for a year as immutable, any page may load it',
    request: {
      method: 'GET',
      path: `/widget.${WIDGET_HASH}.js`,
      headers: { 'Accept-Encoding': CHROME },
    },
    status: 200,
    encoding: 'br',
    headers: {
      'content-type': JS,
      'cache-control': IMMUTABLE,
      vary: /Accept-Encoding/,
      ...ANY_PAGE,
    },
    body: /^\/\/ widget bundle/,
  },
  {
    name: 'widget.<hash>.js: HEAD answers the headers only',
    request: { method: 'HEAD', path: `/widget.${WIDGET_HASH}.js` },
    status: 200,
    headers: { 'cache-control': IMMUTABLE, 'content-type': JS },
    body: /^$/,
  },
  {
    name: 'widget.<another hash>.js: 404 naming the current build',
    request: { method: 'GET', path: '/widget.0000000000.js' },
    status: 404,
    code: 'not_found',
    body: new RegExp(`/kyc/widget\\.${WIDGET_HASH}\\.js`),
  },
  {
    name: 'return.<hash>.js: immutable, gzip, no COOP (part of the return page)',
    request: {
      method: 'GET',
      path: `/return.${RETURN_HASH}.js`,
      headers: { 'Accept-Encoding': 'gzip' },
    },
    status: 200,
    encoding: 'gzip',
    headers: {
      'cache-control': IMMUTABLE,
      'cross-origin-opener-policy': null,
      'referrer-policy': 'no-referrer',
    },
    body: /^\/\/ return script/,
  },
  {
    name: 'openapi.json: the OpenAPI 3.1 document, its server the public base',
    request: { method: 'GET', path: '/openapi.json' },
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...ANY_PAGE },
    body: /^\{"openapi":"3\.1\.0",.*"servers":\[\{"url":"https:\/\/kyc\.shop\.example\/kyc"/,
  },
  {
    name: 'widget.json: the hashed URLs and integrity values, readable by any page',
    request: { method: 'GET', path: '/widget.json' },
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
      ...ANY_PAGE,
    },
    body: new RegExp(
      `^\\{"widget":\\{"file":"widget\\.${WIDGET_HASH}\\.js","url":"https://kyc\\.shop\\.example/kyc/widget\\.${WIDGET_HASH}\\.js","hash":"${WIDGET_HASH}","integrity":"${WIDGET_INTEGRITY.replace(/[+/]/g, '\\$&')}"\\},"return_script":\\{"file":"return\\.${RETURN_HASH}\\.js",.*"integrity":"${RETURN_INTEGRITY.replace(/[+/]/g, '\\$&')}"\\},"languages":\\{"ta":\\{"file":"lang/ta\\.${LANGUAGE_HASH}\\.js","url":"https://kyc\\.shop\\.example/kyc/lang/ta\\.${LANGUAGE_HASH}\\.js",.*\\}\\}\\}$`,
    ),
  },
];
