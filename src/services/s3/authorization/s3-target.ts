// The one door to S3 authorization, for bucket and object operations alike: the bucket a request names (or
// NoSuchBucket), the authorization target of an S3 action with its resource policy (bucket policy plus the ACL
// grants that count, under Block Public Access and Object Ownership), S3's condition keys and S3's denial errors.
//
// ACL grants are an allow path the engine does not know. They are turned into resource-policy statements
// (acl-statements.ts) and evaluated together with the bucket policy, so one decision covers both and explicit
// denies still win over any grant.
import { checkS3Region, parseSigV4 } from '../../../auth/sigv4/index.js';
import { AwsError } from '../../../core/aws-error.js';
import type { CompiledPolicy, ContextInput } from '../../../policy/index.js';
import type { AuthorizationTarget, CallContext, Caller } from '../../types.js';
import { type BucketRecord, BucketStore } from '../repos/buckets.js';
import { type StoredAcl, withoutPublicGrants } from './acl.js';
import { aclStatements } from './acl-statements.js';
import { type BucketView, bucketView, compile, effectiveAcl } from './bucket-view.js';
import { requestConditionKeys } from './condition-keys.js';
import { plainAccessDenied, s3DeniedError } from './denial.js';
import { initiatorStatement } from './upload-initiator.js';

export type { BucketRecord } from '../repos/buckets.js';
export { getBucketCors } from '../repos/buckets.js';
export type { StoredAcl } from './acl.js';

export interface S3Request {
  /** e.g. `s3:GetObject`. */
  readonly action: string;
  readonly bucket: BucketRecord;
  /** Object actions: the resource is `arn:aws:s3:::bucket/key`; otherwise the bucket. */
  readonly key?: string;
  /** Operation-specific keys (`s3:prefix`, `s3:x-amz-acl`, `s3:ExistingObjectTag/k`, ...); they win over ours. */
  readonly context?: ContextInput;
  /** The object's ACL, for object actions on an existing object; ignored while the bucket's ACLs are disabled. */
  readonly objectAcl?: StoredAcl;
  /** AbortMultipartUpload and ListParts: the ARN that initiated the upload the request names, if it exists. */
  readonly uploadInitiator?: string;
}

/** The bucket-policy operations only the owner's account may call, and that its root may always call. */
const POLICY_ACTIONS: ReadonlySet<string> = new Set([
  's3:GetBucketPolicy',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
]);

/**
 * The authorization target for one S3 action, with the bucket policy and ACL grants that apply, the S3 condition
 * keys (`s3:ResourceAccount`, `s3:authType`, `s3:signatureversion`, `s3:signatureAge`, `s3:x-amz-content-sha256`)
 * and S3's denial error (detailed for callers in the owner's account or organization, `Access Denied` otherwise).
 */
export function s3Target(call: CallContext, request: S3Request): AuthorizationTarget {
  const { bucket, action } = request;
  const resource = request.key === undefined ? bucket.arn : `${bucket.arn}/${request.key}`;
  const keys = requestConditionKeys(call, bucket.owner);
  return {
    action,
    resource,
    resourceAccount: bucket.owner,
    resourcePolicy: resourcePolicyFor(call, request),
    context: request.context === undefined ? keys : { ...keys, ...request.context },
    deniedError: s3DeniedError(call, bucket.owner, action, resource),
  };
}

/**
 * The bucket, or NoSuchBucket (404): S3 answers that before authorizing. Then the checks S3 makes once the bucket
 * is known: the signing region must be the bucket's (except for `anyRegion` operations such as GetBucketLocation, which
 * clients call to find the region), and `x-amz-expected-bucket-owner` must name its owner.
 */
export function requireBucket(call: CallContext, name: string, options: { anyRegion?: boolean } = {}): BucketRecord {
  const bucket = BucketStore.of(call.deps.storage.db).find(name);
  if (bucket === undefined) throw noSuchBucket(name);
  if (options.anyRegion !== true) checkBucketRegion(call, bucket);
  const expected = call.http.headers['x-amz-expected-bucket-owner'];
  if (expected !== undefined && expected !== bucket.owner) throw plainAccessDenied();
  return bucket;
}

export function noSuchBucket(name: string): AwsError {
  return new AwsError('NoSuchBucket', 'The specified bucket does not exist', {
    status: 404,
    extra: { BucketName: name },
  });
}

/**
 * What S3 answers for a key that does not exist (S3 UG, "How Amazon S3 authorizes a request"): NoSuchKey to callers
 * allowed s3:ListBucket on the bucket, AccessDenied to everyone else, so that listing rights decide what leaks.
 */
export function missingKeyError(call: CallContext, bucket: BucketRecord, key: string): AwsError {
  const decision = call.check(s3Target(call, { action: 's3:ListBucket', bucket }));
  if (decision.decision !== 'Allowed') return plainAccessDenied();
  return new AwsError('NoSuchKey', 'The specified key does not exist.', { status: 404, extra: { Key: key } });
}

/** The signing region must be the bucket's (`x-amz-bucket-region` tells SDKs where to retry). */
function checkBucketRegion(call: CallContext, bucket: BucketRecord): void {
  if (call.signature === undefined || call.region === bucket.region) return;
  const parsed = parseSigV4(call.http, 's3');
  if (parsed === undefined) return;
  try {
    checkS3Region(parsed, bucket.region);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    throw new AwsError(error.code, error.message, {
      status: error.status,
      extra: error.extra,
      headers: { ...error.headers, 'x-amz-bucket-region': bucket.region },
    });
  }
}

function resourcePolicyFor(call: CallContext, request: S3Request): CompiledPolicy | undefined {
  const { bucket } = request;
  const { caller } = call;
  // The owner's root can always manage the bucket policy, so a policy can never lock the owner out (S3 UG).
  if (POLICY_ACTIONS.has(request.action) && caller.kind === 'root' && caller.account === bucket.owner) return undefined;
  const view = bucketView(call.deps, bucket);
  if (view.block.restrictPublicBuckets && view.policyIsPublic && !isInsider(caller, bucket)) return view.denyOnly;
  if (request.uploadInitiator !== undefined && request.key !== undefined) {
    const statements = view.full?.document.statements ?? [];
    const initiator = initiatorStatement(request.uploadInitiator, `${bucket.arn}/${request.key}`, statements.length);
    return compile(bucket, view.policy, [...statements, initiator]);
  }
  const objectAcl = bucket.aclsEnabled && request.key !== undefined ? request.objectAcl : undefined;
  return objectAcl === undefined ? view.full : objectPolicy(bucket, view, objectAcl);
}

/**
 * RestrictPublicBuckets still lets in the owner's account and AWS service principals (S3 API reference,
 * PublicAccessBlockConfiguration: "restricts access to this bucket to only AWS service principals and authorized
 * users within this account if the bucket has a public policy").
 */
function isInsider(caller: Caller, bucket: BucketRecord): boolean {
  return caller.account === bucket.owner || caller.principal.type === 'Service';
}

/**
 * For an object with its own ACL: the bucket policy's Allow statements reach only objects the bucket owner owns,
 * its Deny statements reach every object; the object's grants add to the bucket's.
 */
function objectPolicy(bucket: BucketRecord, view: BucketView, objectAcl: StoredAcl): CompiledPolicy | undefined {
  const statements = view.policy?.statements ?? [];
  const allowsReach = objectAcl.owner === bucket.ownerCanonicalId;
  const fromPolicy = allowsReach ? statements : statements.filter((s) => s.effect === 'Deny');
  const bucketAcl = effectiveAcl(bucket.acl, bucket, view.block);
  // Numbered after every policy statement, so indexes stay unique whichever policy statements are kept.
  const fromBucket = bucketAcl === undefined ? [] : aclStatements(bucketAcl, 'bucket', bucket.arn, statements.length);
  const grants = view.block.ignorePublicAcls ? withoutPublicGrants(objectAcl) : objectAcl;
  const fromObject = aclStatements(grants, 'object', bucket.arn, statements.length + fromBucket.length);
  return compile(bucket, view.policy, [...fromPolicy, ...fromBucket, ...fromObject]);
}
