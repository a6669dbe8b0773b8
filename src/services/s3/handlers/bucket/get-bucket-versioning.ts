// GetBucketVersioning: the status; a bucket that was never versioned reports none.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketVersioning(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  return bucket.versioning === undefined ? {} : { Status: bucket.versioning };
}
