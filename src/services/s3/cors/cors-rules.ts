// Matching a request against a bucket's CORS rules (S3 UG, "How does Amazon S3 evaluate the CORS configuration"):
// the first rule whose AllowedOrigin matches the Origin (one `*` wildcard each), whose AllowedMethod names the method
// (the preflight's Access-Control-Request-Method), and whose AllowedHeaders cover every requested header.
import { headerBytes } from '../../../core/header-text.js';
import type { CorsRule } from '../repos/buckets.js';

export function matchCorsRule(
  rules: readonly CorsRule[],
  origin: string,
  method: string,
  requestedHeaders: readonly string[],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedMethods.includes(method) &&
      rule.allowedOrigins.some((allowed) => wildcardMatches(allowed, origin)) &&
      requestedHeaders.every((header) =>
        rule.allowedHeaders.some((allowed) => wildcardMatches(allowed.toLowerCase(), header)),
      ),
  );
}

/** The header names of an Access-Control-Request-Headers value, lower-cased. */
export function requestedHeaders(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
}

/** The Access-Control-* headers S3 answers for a matched rule; the origin echoed as the bytes it came as. */
export function corsHeaders(rule: CorsRule, origin: string, requested: readonly string[]): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': anyOrigin ? '*' : headerBytes(origin),
    'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
    Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['Access-Control-Allow-Credentials'] = 'true';
  if (requested.length > 0) headers['Access-Control-Allow-Headers'] = headerBytes(requested.join(', '));
  if (rule.exposeHeaders.length > 0) headers['Access-Control-Expose-Headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) headers['Access-Control-Max-Age'] = String(rule.maxAgeSeconds);
  return headers;
}

/** `*` stands for any run of characters (S3 allows one in an AllowedOrigin or AllowedHeader). */
function wildcardMatches(pattern: string, value: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === value;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return value.length >= head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
}
