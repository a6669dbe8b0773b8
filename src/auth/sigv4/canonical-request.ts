// The canonical request and the string to sign, built from small pure pieces.
import { hashOnce } from '../../core/hash-once.js';
import { awsUriEncode } from './uri-encode.js';

const SPACE_RUNS = / {2,}/g;

/**
 * Sorted `key=value` pairs, both AWS URI-encoded, joined with `&`. Pairs sort by encoded key, then by
 * encoded value (byte order; the encoded forms are ASCII, so string order is byte order).
 */
export function canonicalQueryString(query: ReadonlyArray<readonly [string, string]>, omit?: string): string {
  if (query.length === 0) return '';
  const pairs: string[][] = [];
  for (const [key, value] of query) {
    if (key === omit) continue;
    pairs.push([awsUriEncode(key), awsUriEncode(value)]);
  }
  pairs.sort((a, b) => compare(a[0]!, b[0]!) || compare(a[1]!, b[1]!));
  let out = '';
  for (const [key, value] of pairs) out += `${out ? '&' : ''}${key}=${value}`;
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A header value as SigV4 signs it: trimmed, inner runs of spaces collapsed to one. */
export function canonicalHeaderValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes('  ') ? trimmed.replace(SPACE_RUNS, ' ') : trimmed;
}

/** `name:value\n` for each signed header, in the order given; an absent header signs as empty. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>, signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) out += `${name}:${canonicalHeaderValue(headers[name] ?? '')}\n`;
  return out;
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.canonicalHeaders,
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function sha256Hex(data: string | Uint8Array): string {
  return hashOnce('sha256', data, 'hex');
}

/** `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of the canonical request>`. */
export function stringToSign(amzDate: string, credentialScope: string, canonical: string): string {
  return `AWS4-HMAC-SHA256\n${amzDate}\n${credentialScope}\n${sha256Hex(canonical)}`;
}
