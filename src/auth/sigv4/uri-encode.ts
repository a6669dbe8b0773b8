// AWS URI encoding (RFC 3986 unreserved characters kept, every other byte as upper-case %XX) and the
// canonical URI, which S3 and the other services build differently.
import type { SigV4Flavour } from './types.js';

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-._~/]*$/;

// ESCAPES[b] is how byte b appears once encoded; '/' is handled by the callers that keep it.
const ESCAPES: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte);
  return UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
});

function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (const byte of bytes) out += keepSlash && byte === 0x2f ? '/' : ESCAPES[byte];
  return out;
}

/** AWS URI-encodes `text` as UTF-8; with `keepSlash`, `/` stays literal (paths). */
export function awsUriEncode(text: string, keepSlash = false): string {
  if ((keepSlash ? UNRESERVED_OR_SLASH : UNRESERVED).test(text)) return text;
  return encodeBytes(Buffer.from(text, 'utf8'), keepSlash);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * Percent-decodes to bytes. A `%` not followed by two hex digits stays a literal `%`, so a path that a
 * client failed to encode still canonicalizes instead of throwing.
 */
export function percentDecodeToBytes(text: string): Buffer {
  const source = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === 0x25 && i + 2 < source.length) {
      const high = hexValue(source[i + 1]!);
      const low = hexValue(source[i + 2]!);
      if (high >= 0 && low >= 0) {
        out[length++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

/**
 * Removes empty and `.` segments and resolves `..`, keeping a leading and (when something remains) a
 * trailing slash: what the SDKs and the non-S3 services do before signing.
 */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return leading + segments.join('/') + trailing;
}

/**
 * The canonical URI of a request. S3 signs the path as sent, re-encoded once in AWS form and never
 * dot-segment-normalized (keys like `a//b/../c` are real). Every other service signs the normalized
 * path encoded a second time, because the SDKs encode an already-encoded path.
 */
export function canonicalUri(rawPath: string, flavour: SigV4Flavour): string {
  if (rawPath === '') return '/';
  if (flavour === 's3') {
    if (UNRESERVED_OR_SLASH.test(rawPath)) return rawPath;
    return encodeBytes(percentDecodeToBytes(rawPath), true);
  }
  return awsUriEncode(normalizePath(rawPath) || '/', true);
}
