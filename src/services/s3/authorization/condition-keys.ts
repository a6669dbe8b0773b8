// The S3 condition keys every authenticated S3 request carries (S3 API, "Signature Version 4 authentication specific
// policy keys"; aws-reference 1.7), taken from the verified request, never from anything the client merely claims.
import { parseAmzDate } from '../../../auth/sigv4/index.js';
import type { ContextScalar } from '../../../policy/index.js';
import type { CallContext } from '../../types.js';

export type S3Context = Record<string, ContextScalar | readonly ContextScalar[]>;

/**
 * `s3:ResourceAccount` whenever there is a resource owner; for signed requests `s3:authType`, `s3:signatureversion`, `s3:signatureAge` and
 * `s3:x-amz-content-sha256` (header only: S3 never takes it from the query string).
 */
export function requestConditionKeys(call: CallContext, resourceAccount: string | undefined): S3Context {
  const keys: S3Context = {};
  if (resourceAccount !== undefined) keys['s3:ResourceAccount'] = resourceAccount;
  if (call.signature === undefined) return keys;
  const presigned = call.http.headers.authorization === undefined;
  keys['s3:authType'] = presigned ? 'REST-QUERY-STRING' : 'REST-HEADER';
  keys['s3:signatureversion'] = 'AWS4-HMAC-SHA256';
  const signedAt = signatureTime(call, presigned);
  if (signedAt !== undefined) keys['s3:signatureAge'] = Math.max(0, call.now - signedAt);
  const sha = call.http.headers['x-amz-content-sha256'];
  if (sha !== undefined) keys['s3:x-amz-content-sha256'] = sha;
  return keys;
}

function signatureTime(call: CallContext, presigned: boolean): number | undefined {
  if (!presigned) {
    const header = call.http.headers['x-amz-date'];
    return header === undefined ? Date.parse(call.http.headers.date ?? '') || undefined : parseAmzDate(header);
  }
  for (const [name, value] of call.http.query) if (name === 'X-Amz-Date') return parseAmzDate(value);
  return undefined;
}
