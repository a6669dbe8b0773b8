// The source of CopyObject and UploadPartCopy: `x-amz-copy-source` read as S3 reads it, then found and authorized
// as a read by the caller (s3:GetObject, or s3:GetObjectVersion for `?versionId=`) under the source bucket's own
// policy, which may belong to another account.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { plainAccessDenied } from '../../authorization/denial.js';
import { noSuchBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import { GET_OBJECT_ACTIONS } from './get-object.js';
import { authorizeVersion, type FoundObject } from './object-access.js';
import { checkCopySourceConditions } from './read-conditions.js';

export interface CopySource {
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string | undefined;
}

const invalidSource = () =>
  new AwsError('InvalidArgument', 'Invalid copy source object key', {
    extra: { ArgumentName: 'x-amz-copy-source', ArgumentValue: 'x-amz-copy-source' },
  });

/** `bucket/key` or `/bucket/key`, percent-encoded, optionally with `?versionId=`. */
export function parseCopySource(header: string): CopySource {
  const q = header.indexOf('?');
  const path = q === -1 ? header : header.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : header.slice(q + 1));
  let decoded: string;
  try {
    // Clients differ in how they encode a space (%20 or +); S3 reads both as a space.
    decoded = decodeURIComponent(path.replace(/\+/g, ' ')).replace(/^\//, '');
  } catch {
    throw invalidSource();
  }
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1) throw invalidSource();
  const versionId = query.get('versionId') ?? undefined;
  return { bucket: decoded.slice(0, slash), key: decoded.slice(slash + 1), versionId };
}

/** The source version once the caller may read it and its `x-amz-copy-source-if-*` conditions hold. */
export function authorizeCopySource(call: CallContext, input: Shaped): FoundObject {
  const source = parseCopySource(input.CopySource as string);
  const bucket = BucketStore.of(call.deps.storage.db).find(source.bucket);
  if (bucket === undefined) throw noSuchBucket(source.bucket);
  const expectedOwner = input.ExpectedSourceBucketOwner as string | undefined;
  if (expectedOwner !== undefined && expectedOwner !== bucket.owner) throw plainAccessDenied();
  let found: FoundObject;
  try {
    found = authorizeVersion(call, bucket, source.key, source.versionId, GET_OBJECT_ACTIONS);
  } catch (error) {
    if (error instanceof AwsError && error.code === 'MethodNotAllowed') {
      throw new AwsError(
        'InvalidRequest',
        'The source of a copy request may not specifically refer to a delete marker by version id.',
      );
    }
    throw error;
  }
  checkCopySourceConditions(input, found.version, call.now);
  return found;
}
