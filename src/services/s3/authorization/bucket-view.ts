// What authorization needs to know about a bucket, computed once per version of the bucket (and of its owner's
// account-level Block Public Access, and of the IAM users and roles its policy names) and then reused by every
// request: the parsed policy, whether it is public, the effective Block Public Access flags, and the resource
// policies the engine evaluates (policy plus ACL grants). A user or role the policy names that was deleted (or
// re-created) since the policy was put stands as its old unique id (bound-principals.ts).
import { CompiledPolicy, type PolicyDocument, parsePolicy, type Statement } from '../../../policy/index.js';
import { BoundPolicy, type PrincipalIdLookup, principalIds } from '../../bound-principals.js';
import type { ServiceDeps } from '../../types.js';
import { AccountPublicAccessBlocks } from '../repos/account-public-access-blocks.js';
import type { BucketRecord, PublicAccessBlock } from '../repos/buckets.js';
import { type StoredAcl, withoutPublicGrants } from './acl.js';
import { aclStatements } from './acl-statements.js';
import { isPublicPolicy } from './public-policy.js';

const NO_BLOCK: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};

export interface BucketView {
  readonly policy: PolicyDocument | undefined;
  readonly policyIsPublic: boolean;
  /** Bucket and account settings combined, each flag the most restrictive of both. */
  readonly block: PublicAccessBlock;
  /** The bucket policy with the bucket ACL's grants (when ACLs count). */
  readonly full: CompiledPolicy | undefined;
  /**
   * The policy's Deny statements alone: what RestrictPublicBuckets leaves outsiders of a bucket whose policy is
   * public, as it limits access to the owner's account and AWS services (no grant counts, ACL grants included).
   */
  readonly denyOnly: CompiledPolicy | undefined;
}

interface Cached {
  readonly accountBlock: PublicAccessBlock | undefined;
  readonly bound: BoundPolicy | undefined;
  readonly view: BucketView;
}

// Records are immutable and replaced on every write, so a view keyed by the record is stale only when the account's
// Block Public Access or a principal its policy names changed (checked cheaply: see BoundPolicy).
const views = new WeakMap<BucketRecord, Cached>();

export function bucketView(deps: ServiceDeps, bucket: BucketRecord): BucketView {
  const db = deps.storage.db;
  const principals = principalIds(deps);
  const accountBlock = AccountPublicAccessBlocks.of(db).find(bucket.owner);
  const cached = views.get(bucket);
  if (cached !== undefined && cached.accountBlock === accountBlock && boundHolds(cached.bound, bucket, principals)) {
    return cached.view;
  }
  const text = bucket.configs.policy;
  const bound =
    text === undefined ? undefined : new BoundPolicy(text, bucket.configs.policyPrincipalIds ?? {}, principals);
  const view = buildView(bucket, bound?.value, accountBlock);
  views.set(bucket, { accountBlock, bound, view });
  return view;
}

function boundHolds(bound: BoundPolicy | undefined, bucket: BucketRecord, principals: PrincipalIdLookup): boolean {
  const text = bucket.configs.policy;
  if (bound === undefined || text === undefined) return bound === undefined && text === undefined;
  return bound.holds(text, bucket.configs.policyPrincipalIds ?? {}, principals);
}

/** Each flag set when either the bucket or its account sets it. */
function combineBlocks(a: PublicAccessBlock | undefined, b: PublicAccessBlock | undefined): PublicAccessBlock {
  const x = a ?? NO_BLOCK;
  const y = b ?? NO_BLOCK;
  return {
    blockPublicAcls: x.blockPublicAcls || y.blockPublicAcls,
    ignorePublicAcls: x.ignorePublicAcls || y.ignorePublicAcls,
    blockPublicPolicy: x.blockPublicPolicy || y.blockPublicPolicy,
    restrictPublicBuckets: x.restrictPublicBuckets || y.restrictPublicBuckets,
  };
}

function buildView(
  bucket: BucketRecord,
  text: string | undefined,
  accountBlock: PublicAccessBlock | undefined,
): BucketView {
  // INVARIANT: PutBucketPolicy stored only documents that parse.
  const policy = text === undefined ? undefined : parsePolicy(text, 's3-bucket').document;
  const block = combineBlocks(bucket.configs.publicAccessBlock, accountBlock);
  const statements = policy?.statements ?? [];
  const acl = effectiveAcl(bucket.acl, bucket, block);
  const aclPart = acl === undefined ? [] : aclStatements(acl, 'bucket', bucket.arn, statements.length);
  const denies = statements.filter((s) => s.effect === 'Deny');
  return {
    policy,
    policyIsPublic: policy !== undefined && isPublicPolicy(policy),
    block,
    full: compile(bucket, policy, [...statements, ...aclPart]),
    denyOnly: compile(bucket, policy, denies),
  };
}

/** The grants that count: none while ACLs are disabled, the non-public ones under IgnorePublicAcls. */
export function effectiveAcl(acl: StoredAcl, bucket: BucketRecord, block: PublicAccessBlock): StoredAcl | undefined {
  if (!bucket.aclsEnabled) return undefined;
  return block.ignorePublicAcls ? withoutPublicGrants(acl) : acl;
}

export function compile(
  bucket: BucketRecord,
  policy: PolicyDocument | undefined,
  statements: readonly Statement[],
): CompiledPolicy | undefined {
  if (statements.length === 0) return undefined;
  // Without a policy only ACL statements remain, which use no variables.
  const version = policy === undefined ? '2012-10-17' : policy.version;
  const document: PolicyDocument = { version, id: policy?.id, statements };
  return new CompiledPolicy('s3-bucket', `${bucket.arn} bucket policy and ACL`, document);
}
