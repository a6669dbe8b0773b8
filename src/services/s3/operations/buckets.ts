// S3 bucket operations: the IAM action each is authorized for (aws-reference 1.2) and the handler that serves it.
import type { ContextInput } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation, ServiceOperations } from '../../types.js';
import { aclContext } from '../authorization/acl-context.js';
import { createBucketTargets } from '../authorization/create-bucket-target.js';
import { requireBucket, s3Target } from '../authorization/s3-target.js';
import { bucketLocationTarget, headBucketTarget, listAllMyBucketsTarget } from '../authorization/special-targets.js';
import { checkBufferedDigests } from '../body/buffered-digests.js';
import { createBucket } from '../handlers/bucket/create-bucket.js';
import { deleteBucket } from '../handlers/bucket/delete-bucket.js';
import { deleteBucketCors } from '../handlers/bucket/delete-bucket-cors.js';
import { deleteBucketEncryption } from '../handlers/bucket/delete-bucket-encryption.js';
import { deleteBucketOwnershipControls } from '../handlers/bucket/delete-bucket-ownership-controls.js';
import { deleteBucketPolicy } from '../handlers/bucket/delete-bucket-policy.js';
import { deleteBucketTagging } from '../handlers/bucket/delete-bucket-tagging.js';
import { deletePublicAccessBlock } from '../handlers/bucket/delete-public-access-block.js';
import { getBucketAcl } from '../handlers/bucket/get-bucket-acl.js';
import { getBucketCors } from '../handlers/bucket/get-bucket-cors.js';
import { getBucketEncryption } from '../handlers/bucket/get-bucket-encryption.js';
import { getBucketLocation } from '../handlers/bucket/get-bucket-location.js';
import { getBucketLogging } from '../handlers/bucket/get-bucket-logging.js';
import { getBucketOwnershipControls } from '../handlers/bucket/get-bucket-ownership-controls.js';
import { getBucketPolicy } from '../handlers/bucket/get-bucket-policy.js';
import { getBucketPolicyStatus } from '../handlers/bucket/get-bucket-policy-status.js';
import { getBucketTagging } from '../handlers/bucket/get-bucket-tagging.js';
import { getBucketVersioning } from '../handlers/bucket/get-bucket-versioning.js';
import { getPublicAccessBlock } from '../handlers/bucket/get-public-access-block.js';
import { headBucket } from '../handlers/bucket/head-bucket.js';
import { listBuckets } from '../handlers/bucket/list-buckets.js';
import { putBucketAcl } from '../handlers/bucket/put-bucket-acl.js';
import { putBucketCors } from '../handlers/bucket/put-bucket-cors.js';
import { putBucketEncryption } from '../handlers/bucket/put-bucket-encryption.js';
import { putBucketLogging } from '../handlers/bucket/put-bucket-logging.js';
import { putBucketOwnershipControls } from '../handlers/bucket/put-bucket-ownership-controls.js';
import { putBucketPolicy } from '../handlers/bucket/put-bucket-policy.js';
import { putBucketTagging } from '../handlers/bucket/put-bucket-tagging.js';
import { putBucketVersioning } from '../handlers/bucket/put-bucket-versioning.js';
import { putPublicAccessBlock } from '../handlers/bucket/put-public-access-block.js';

type Handler = ServiceOperation['handle'];

interface BucketOperationOptions {
  readonly context?: (input: Shaped) => ContextInput;
  /**
   * The model requires Content-MD5 or an x-amz-checksum-* header (`always`), or only when there is a body
   * (`with-body`: an ACL may come in headers alone); either way a claimed digest must match the body.
   */
  readonly digests?: 'always' | 'with-body';
}

/** An operation on an existing bucket, authorized for `action` on the bucket ARN. */
function onBucket(action: string, handle: Handler, options: BucketOperationOptions = {}): ServiceOperation {
  const { context, digests } = options;
  return {
    authorization: (input: Shaped, call: CallContext): AuthorizationTarget =>
      s3Target(call, { action, bucket: requireBucket(call, input.Bucket as string), context: context?.(input) }),
    handle:
      digests === undefined
        ? handle
        : (input, call) => {
            checkBufferedDigests(call, { required: digests === 'always' || (call.body?.length ?? 0) > 0 });
            return handle(input, call);
          },
  };
}

export const bucketOperations: ServiceOperations = {
  CreateBucket: { authorization: createBucketTargets, handle: createBucket },
  DeleteBucket: onBucket('s3:DeleteBucket', deleteBucket),
  ListBuckets: { authorization: (_input, call) => listAllMyBucketsTarget(call), handle: listBuckets },
  HeadBucket: { authorization: (input, call) => headBucketTarget(call, input.Bucket as string), handle: headBucket },
  GetBucketLocation: {
    authorization: (input, call) => bucketLocationTarget(call, input.Bucket as string),
    handle: getBucketLocation,
  },

  PutBucketPolicy: onBucket('s3:PutBucketPolicy', putBucketPolicy, { digests: 'always' }),
  GetBucketPolicy: onBucket('s3:GetBucketPolicy', getBucketPolicy),
  DeleteBucketPolicy: onBucket('s3:DeleteBucketPolicy', deleteBucketPolicy),
  GetBucketPolicyStatus: onBucket('s3:GetBucketPolicyStatus', getBucketPolicyStatus),

  PutBucketAcl: onBucket('s3:PutBucketAcl', putBucketAcl, { context: aclContext, digests: 'with-body' }),
  GetBucketAcl: onBucket('s3:GetBucketAcl', getBucketAcl),

  PutBucketOwnershipControls: onBucket('s3:PutBucketOwnershipControls', putBucketOwnershipControls, {
    digests: 'always',
  }),
  GetBucketOwnershipControls: onBucket('s3:GetBucketOwnershipControls', getBucketOwnershipControls),
  DeleteBucketOwnershipControls: onBucket('s3:PutBucketOwnershipControls', deleteBucketOwnershipControls),

  PutPublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock', putPublicAccessBlock, { digests: 'always' }),
  GetPublicAccessBlock: onBucket('s3:GetBucketPublicAccessBlock', getPublicAccessBlock),
  DeletePublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock', deletePublicAccessBlock),

  PutBucketVersioning: onBucket('s3:PutBucketVersioning', putBucketVersioning, { digests: 'always' }),
  GetBucketVersioning: onBucket('s3:GetBucketVersioning', getBucketVersioning),

  PutBucketEncryption: onBucket('s3:PutEncryptionConfiguration', putBucketEncryption, { digests: 'always' }),
  GetBucketEncryption: onBucket('s3:GetEncryptionConfiguration', getBucketEncryption),
  DeleteBucketEncryption: onBucket('s3:PutEncryptionConfiguration', deleteBucketEncryption),

  PutBucketTagging: onBucket('s3:PutBucketTagging', putBucketTagging, { digests: 'always' }),
  GetBucketTagging: onBucket('s3:GetBucketTagging', getBucketTagging),
  DeleteBucketTagging: onBucket('s3:PutBucketTagging', deleteBucketTagging),

  PutBucketLogging: onBucket('s3:PutBucketLogging', putBucketLogging, { digests: 'always' }),
  GetBucketLogging: onBucket('s3:GetBucketLogging', getBucketLogging),

  PutBucketCors: onBucket('s3:PutBucketCORS', putBucketCors, { digests: 'always' }),
  GetBucketCors: onBucket('s3:GetBucketCORS', getBucketCors),
  DeleteBucketCors: onBucket('s3:PutBucketCORS', deleteBucketCors),
};
