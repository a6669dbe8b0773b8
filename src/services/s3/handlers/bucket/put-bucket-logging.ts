// PutBucketLogging: where server access logs go. The target must exist, belong to the same account and live in the
// same region (S3 UG, "Enabling Amazon S3 server access logging").
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import { malformedXml } from './bucket-errors.js';

export function putBucketLogging(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const store = BucketStore.of(call.deps.storage.db);
  const enabled = (input.BucketLoggingStatus as Shaped).LoggingEnabled as Shaped | undefined;
  if (enabled === undefined) {
    store.putConfig(bucket.name, 'logging', undefined);
    return {};
  }
  const targetName = enabled.TargetBucket;
  if (typeof targetName !== 'string' || typeof enabled.TargetPrefix !== 'string') throw malformedXml();
  const target = store.find(targetName);
  if (target === undefined) throw invalidTarget('The target bucket for logging does not exist', targetName);
  if (target.owner !== bucket.owner) {
    throw invalidTarget('The owner for the bucket to be logged and the target bucket must be the same.', targetName);
  }
  if (target.region !== bucket.region) {
    throw new AwsError('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed.', {
      status: 403,
      extra: { SourceBucketLocation: bucket.region, TargetBucketLocation: target.region },
    });
  }
  // Grants are ACLs, which a target bucket with BucketOwnerEnforced ownership (the default) does not allow.
  const grants = (enabled.TargetGrants as unknown[] | undefined) ?? [];
  if (grants.length > 0 && !target.aclsEnabled) {
    throw new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs');
  }
  store.putConfig(bucket.name, 'logging', enabled);
  return {};
}

function invalidTarget(message: string, target: string): AwsError {
  return new AwsError('InvalidTargetBucketForLogging', message, { extra: { TargetBucket: target } });
}
