// CreateBucket: a new bucket in the region the request was signed for, owned by the caller's account, with the
// defaults of buckets created since April 2023 (ACLs disabled, all four Block Public Access settings on).
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { cannedAcl, grantsOnlyOwner, isPublicAcl, type StoredAcl } from '../../authorization/acl.js';
import { requestedAcl } from '../../authorization/acl-input.js';
import { BucketStore, isObjectOwnership, type ObjectOwnership, type PublicAccessBlock } from '../../repos/buckets.js';
import { checkBucketTags, type Tag } from './bucket-tags.js';
import { requestedRegion } from './location-constraint.js';

const ALL_BLOCKED: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

export function createBucket(input: Shaped, call: CallContext): Shaped {
  const name = input.Bucket as string;
  const region = requestedRegion(call, input);
  // INVARIANT: only signed callers (with an account and its canonical id) get past s3:CreateBucket.
  const account = call.caller.account!;
  const canonicalId = call.caller.principal.canonicalUserId!;
  const ownership = objectOwnership(input.ObjectOwnership);
  const acl = initialAcl(call, input, canonicalId, ownership);
  const configuration = input.CreateBucketConfiguration as Shaped | undefined;
  const tags = (configuration?.Tags as Tag[] | undefined) ?? [];
  checkBucketTags(tags);
  const store = BucketStore.of(call.deps.storage.db);
  const location = region === 'us-east-1' ? `/${name}` : `http://${name}.s3.amazonaws.com/`;
  const existing = store.find(name);
  if (existing !== undefined) {
    if (existing.owner !== account) throw alreadyExists();
    // us-east-1 keeps its legacy answer: creating a bucket you already own there succeeds.
    if (existing.region === 'us-east-1' && region === 'us-east-1')
      return { Location: location, BucketArn: existing.arn };
    throw new AwsError(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { status: 409, extra: { BucketName: name } },
    );
  }
  const objectLockEnabled = input.ObjectLockEnabledForBucket === true;
  const created = store.create({
    name,
    owner: account,
    region,
    createdAt: call.now,
    objectOwnership: ownership,
    versioning: objectLockEnabled ? 'Enabled' : undefined,
    objectLockEnabled,
    acl,
    configs: {
      publicAccessBlock: ALL_BLOCKED,
      ...(tags.length > 0 ? { tags } : {}),
      // `EU` is its own LocationConstraint, which GetBucketLocation answers, though the bucket is in eu-west-1.
      ...(configuration?.LocationConstraint === 'EU' ? { locationConstraint: 'EU' as const } : {}),
    },
  });
  return { Location: location, BucketArn: created.arn };
}

/** The x-amz-object-ownership setting, BucketOwnerEnforced by default; another value is S3's InvalidArgument. */
function objectOwnership(value: unknown): ObjectOwnership {
  if (value === undefined) return 'BucketOwnerEnforced';
  if (isObjectOwnership(value)) return value;
  throw new AwsError('InvalidArgument', `Invalid x-amz-object-ownership header: ${String(value)}`, {
    extra: { ArgumentName: 'x-amz-object-ownership', ArgumentValue: String(value) },
  });
}

/** The ACL the bucket starts with; ACLs are refused under BucketOwnerEnforced, public ones by the default BPA. */
function initialAcl(call: CallContext, input: Shaped, owner: string, ownership: ObjectOwnership): StoredAcl {
  const acl = requestedAcl(call, input, 'bucket', owner) ?? cannedAcl('private', owner);
  if (ownership === 'BucketOwnerEnforced' && !grantsOnlyOwner(acl, owner)) {
    throw new AwsError(
      'InvalidBucketAclWithObjectOwnership',
      "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
    );
  }
  if (isPublicAcl(acl)) {
    throw new AwsError(
      'InvalidBucketAclWithBlockPublicAccessError',
      'Bucket cannot have public ACLs set with BlockPublicAccess enabled',
    );
  }
  return acl;
}

function alreadyExists(): AwsError {
  return new AwsError(
    'BucketAlreadyExists',
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    { status: 409 },
  );
}
