// PutBucketAcl: a canned ACL, grant headers or an AccessControlPolicy document; refused while ACLs are disabled
// (unless it only grants the owner) and, when public, under BlockPublicAcls.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { checkAclAccepted, requestedAcl } from '../../authorization/acl-input.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';

export function putBucketAcl(input: Shaped, call: CallContext): Shaped {
  const bucket = requireBucket(call, input.Bucket as string);
  const acl = requestedAcl(call, input, 'bucket', bucket.ownerCanonicalId);
  if (acl === undefined) {
    throw new AwsError('MissingSecurityHeader', 'Your request was missing a required header', {
      extra: { MissingHeaderName: 'x-amz-acl' },
    });
  }
  checkAclAccepted(call, bucket, acl, 's3:PutBucketAcl', bucket.arn);
  BucketStore.of(call.deps.storage.db).update(bucket.name, { acl });
  return {};
}
