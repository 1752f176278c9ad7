// Reads the create route's JSON body: 2 KB after decompression, UTF-8, an object or array.
import { TextDecoder } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { KycError } from '@digilocker-kyc/shared';
import type { CoreRequest } from './exchange.js';

/** The largest body the create route reads, after decompression (its fields are a few dozen bytes). */
const BODY_LIMIT = 2_048;

const INFLATE: Record<string, (data: Uint8Array, options: { maxOutputLength: number }) => Buffer> =
  {
    gzip: gunzipSync,
    deflate: inflateSync,
    br: brotliDecompressSync,
  };

/**
 * What `express.json({ limit: '2kb', strict: true })` accepts, without Express: the
 * charset must be a UTF one (415), the Content-Encoding gzip, deflate or br (415), the inflated
 * size at most the limit (413: a decompression bomb is caught by its output, not its input),
 * undecodable compression is 400, and the text must parse to an object or array (400). An empty
 * body is `{}`. Compressed bodies are small, so they are inflated in one synchronous call with
 * the output capped.
 */
export async function readJsonBody(req: CoreRequest): Promise<unknown> {
  if (req.parsedBody) return req.parsedBody.value;
  const decoder = textDecoder(req.header('content-type'));
  const encoding = (req.header('content-encoding') ?? 'identity').toLowerCase();
  const inflate = INFLATE[encoding];
  if (encoding !== 'identity' && inflate === undefined) {
    throw new KycError(
      'unsupported_media_type',
      'Expected the body uncompressed, or with Content-Encoding gzip, deflate or br.',
    );
  }
  let bytes = await req.readBody(BODY_LIMIT);
  if (inflate) {
    try {
      bytes = inflate(bytes, { maxOutputLength: BODY_LIMIT });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new KycError(
        'invalid_request',
        'Expected a body compressed as its Content-Encoding says; it could not be decompressed.',
      );
    }
  }
  const text = decoder.decode(bytes);
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first === undefined) return {};
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text);
    } catch {}
  }
  throw new KycError(
    'invalid_request',
    'Expected a JSON object in the body; it could not be parsed.',
  );
}

export function tooLarge(): KycError {
  return new KycError('payload_too_large', 'Expected a JSON body of at most 2 KB.');
}

/** A UTF decoder for the declared charset (UTF-8 when none); anything else is 415. */
function textDecoder(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset === undefined) return new TextDecoder('utf-8');
  if (charset.startsWith('utf-')) {
    try {
      return new TextDecoder(charset);
    } catch {}
  }
  throw new KycError('unsupported_media_type', 'Expected a UTF-8 JSON body.');
}
