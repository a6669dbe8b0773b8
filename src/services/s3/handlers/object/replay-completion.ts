// A retried CompleteMultipartUpload: S3 answers a completion repeated after it succeeded with the same result rather
// than NoSuchUpload (SDKs retry it after timeouts). The retry must name the same bucket, key and parts (the parts'
// ETags give the object's multipart ETag); its conditional headers are not evaluated again, since they held when the
// upload completed. See docs/deviations.md for how long and what is kept.
import { createHash } from 'node:crypto';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { type CompletionResult, findCompletedUpload } from '../../repos/completed-uploads.js';
import { urlEncodeName } from './listing-params.js';
import { unquoteEtag } from './read-conditions.js';

/** The first answer again when this request repeats a completion still remembered; undefined otherwise. */
export function replayCompletion(call: CallContext, input: Shaped): Shaped | undefined {
  const completed = findCompletedUpload(call.deps.storage.db, input.UploadId as string, call.now);
  if (completed === undefined || completed.bucket !== input.Bucket || completed.key !== input.Key) return undefined;
  if (multipartEtagOf(listedPartEtags(input)) !== completed.etag) return undefined;
  return { Location: objectLocation(call, completed.bucket, completed.key), ...completed.result };
}

/** What a completion answers besides Location, in a form that can be stored and answered again. */
export function completionResult(output: Shaped): CompletionResult {
  const result: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(output)) {
    if (typeof value === 'string' || typeof value === 'boolean') result[name] = value;
  }
  return result;
}

export function objectLocation(call: CallContext, bucket: string, key: string): string {
  return `${call.deps.config.endpointUrl}/${bucket}/${urlEncodeName(key)}`;
}

/** S3's multipart ETag from the parts' hex MD5s: the MD5 of their binary MD5s, then `-<count>`. */
export function multipartEtagOf(partEtags: readonly string[]): string {
  const digests = Buffer.concat(partEtags.map((etag) => Buffer.from(etag, 'hex')));
  return `${createHash('md5').update(digests).digest('hex')}-${partEtags.length}`;
}

function listedPartEtags(input: Shaped): string[] {
  const parts = ((input.MultipartUpload as Shaped | undefined)?.Parts as Shaped[] | undefined) ?? [];
  return parts.map((part) => unquoteEtag(String(part.ETag ?? '')));
}
