// GetBucketOwnershipControls: the setting, or OwnershipControlsNotFoundError (404).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { configurationNotFound } from './bucket-errors.js';

export function getBucketOwnershipControls(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  if (bucket.objectOwnership === undefined) {
    throw configurationNotFound(
      'OwnershipControlsNotFoundError',
      'The bucket ownership controls were not found',
      bucket.name,
    );
  }
  return { OwnershipControls: { Rules: [{ ObjectOwnership: bucket.objectOwnership }] } };
}
