// PutBucketVersioning: Enabled or Suspended (Object Lock buckets stay Enabled).
import { AwsError, notImplemented } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore, type VersioningStatus } from '../../repos/buckets.js';
import { malformedXml } from './bucket-errors.js';

export function putBucketVersioning(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const configuration = input.VersioningConfiguration as Shaped;
  const status = configuration.Status as string | undefined;
  // A configuration without a status changes nothing, and S3 refuses it rather than ignore it.
  if (status === undefined || status === '') {
    throw new AwsError('IllegalVersioningConfigurationException', 'The Versioning element must be specified');
  }
  if (status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
  const mfaDelete = configuration.MFADelete;
  if (mfaDelete !== undefined && mfaDelete !== 'Enabled' && mfaDelete !== 'Disabled') throw malformedXml();
  if (mfaDelete === 'Enabled') {
    // MFA Delete needs the root's MFA device in x-amz-mfa, which xacct does not model.
    throw notImplemented('x-amz-mfa');
  }
  if (bucket.objectLockEnabled && status === 'Suspended') {
    throw new AwsError(
      'InvalidBucketState',
      'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.',
      { status: 409 },
    );
  }
  BucketStore.of(call.deps.storage.db).update(bucket.name, { versioning: status as VersioningStatus });
  return {};
}
