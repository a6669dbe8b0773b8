// Targets of the S3 operations that are not simply "an action on an existing bucket": ListBuckets (an account action
// on `*`), HeadBucket (whose denials carry the bucket's region) and GetBucketLocation (callable from any region).
import { AwsError } from '../../../core/aws-error.js';
import type { AuthorizationTarget, CallContext } from '../../types.js';
import { requestConditionKeys } from './condition-keys.js';
import { s3DeniedError } from './denial.js';
import { requireBucket, s3Target } from './s3-target.js';

/**
 * `s3:ListAllMyBuckets` has no resource type; it is authorized in the caller's own account on `arn:aws:s3:::*`, the
 * resource S3's own examples grant it on (S3 UG walkthrough "Controlling access to a bucket with user policies",
 * step 4.1), which `Resource: "*"` matches too. Denials name no resource, as for other actions without one.
 */
export function listAllMyBucketsTarget(call: CallContext): AuthorizationTarget {
  const account = call.caller.account;
  return {
    action: 's3:ListAllMyBuckets',
    resource: 'arn:aws:s3:::*',
    resourceAccount: account,
    context: requestConditionKeys(call, undefined),
    deniedError: s3DeniedError(call, account ?? '', 's3:ListAllMyBuckets', '*'),
  };
}

/** HeadBucket needs s3:ListBucket; a denial still tells the caller where the bucket lives (x-amz-bucket-region). */
export function headBucketTarget(call: CallContext, name: string): AuthorizationTarget {
  const bucket = requireBucket(call, name);
  const target = s3Target(call, { action: 's3:ListBucket', bucket });
  const denied = target.deniedError!;
  return {
    ...target,
    deniedError: (decision, caller) => {
      const error = denied(decision, caller);
      return new AwsError(error.code, error.message, {
        status: error.status,
        headers: { 'x-amz-bucket-region': bucket.region },
      });
    },
  };
}

/**
 * GetBucketLocation answers from any region, but the bucket policy only applies in the bucket's own region, so a
 * call signed for another region is decided by the caller's own policies alone (aws-reference 1.2).
 */
export function bucketLocationTarget(call: CallContext, name: string): AuthorizationTarget {
  const bucket = requireBucket(call, name, { anyRegion: true });
  const target = s3Target(call, { action: 's3:GetBucketLocation', bucket });
  return call.signature === undefined || call.region === bucket.region
    ? target
    : { ...target, resourcePolicy: undefined };
}
