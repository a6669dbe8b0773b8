// GetBucketLogging: the logging target, or an empty status when logging is off.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';

export function getBucketLogging(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const logging = bucket.configs.logging;
  return logging === undefined ? {} : { LoggingEnabled: logging };
}
