// Finds the object version a request addresses (current, or `?versionId=`), authorizes the action on it with its ACL
// and tags, and answers what is not there as S3 does: NoSuchKey or AccessDenied by listing rights, NoSuchVersion,
// and the delete-marker answers (404 with `x-amz-delete-marker`, or 405 when a marker is addressed by version).
import { AwsError } from '../../../../core/aws-error.js';
import type { ContextInput } from '../../../../policy/index.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { missingKeyError, requireBucket, s3Target } from '../../authorization/s3-target.js';
import type { BucketRecord } from '../../repos/buckets.js';
import { NULL_VERSION, type ObjectVersion } from '../../repos/object-types.js';
import { currentVersion, findVersion } from '../../repos/objects.js';
import { existingTagKeys } from './object-tags.js';

const VERSION_ID = /^[A-Za-z0-9._]{32}$/;

export interface ObjectActions {
  /** The action without `versionId`, e.g. `s3:GetObject`. */
  readonly current: string;
  /** The action with `versionId`, e.g. `s3:GetObjectVersion`. */
  readonly version: string;
}

export interface FoundObject {
  readonly bucket: BucketRecord;
  readonly key: string;
  /** Never a delete marker. */
  readonly version: ObjectVersion;
  /** The version id the request named, if it named one. */
  readonly requestedVersion: string | undefined;
}

/** The addressed object version once `actions` is allowed on it; `context` adds operation keys to the decision. */
export function authorizeObject(
  call: CallContext,
  input: Shaped,
  actions: ObjectActions | readonly ObjectActions[],
  context: ContextInput = {},
): FoundObject {
  const bucket = requireBucket(call, input.Bucket as string);
  return authorizeVersion(call, bucket, input.Key as string, input.VersionId as string | undefined, actions, context);
}

/** authorizeObject for a bucket already found (a copy source, whose bucket is not the request's). */
export function authorizeVersion(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  requestedVersion: string | undefined,
  actions: ObjectActions | readonly ObjectActions[],
  context: ContextInput = {},
): FoundObject {
  const version = lookupVersion(call, bucket, key, requestedVersion);
  const live = version?.deleteMarker === false ? version : undefined;
  const keys = {
    ...existingTagKeys(live?.tags),
    ...(requestedVersion === undefined ? {} : { 's3:versionid': requestedVersion }),
    ...context,
  };
  // An object another account owns (ACLs enabled, ObjectWriter) is that account's resource: even the bucket owner's
  // principals then need its ACL to grant them (S3 UG, "How Amazon S3 authorizes a request for an object operation").
  const foreignOwner = bucket.aclsEnabled && live !== undefined && live.owner.account !== bucket.owner;
  for (const pair of Array.isArray(actions) ? actions : [actions]) {
    const action = requestedVersion === undefined ? pair.current : pair.version;
    const target = s3Target(call, { action, bucket, key, objectAcl: live?.acl, context: keys });
    call.authorize(foreignOwner ? { ...target, resourceAccount: live.owner.account } : target);
  }
  if (version === undefined) {
    if (requestedVersion !== undefined) throw noSuchVersion(key, requestedVersion);
    throw missingKeyError(call, bucket, key);
  }
  if (version.deleteMarker) throw deleteMarkerError(call, bucket, version, requestedVersion !== undefined);
  return { bucket, key, version, requestedVersion };
}

/** The version a request names; an unversioned bucket knows only `null`. */
function lookupVersion(
  call: CallContext,
  bucket: BucketRecord,
  key: string,
  versionId: string | undefined,
): ObjectVersion | undefined {
  const db = call.deps.storage.db;
  if (versionId === undefined) return currentVersion(db, bucket.name, key);
  checkVersionId(bucket, versionId);
  return findVersion(db, bucket.name, key, versionId);
}

/** Version ids are `null` or the 32 characters xacct issues; a bucket never versioned has only `null`. */
export function isWellFormedVersionId(bucket: BucketRecord, versionId: string): boolean {
  return versionId === NULL_VERSION || (bucket.versioning !== undefined && VERSION_ID.test(versionId));
}

export function checkVersionId(bucket: BucketRecord, versionId: string): void {
  if (!isWellFormedVersionId(bucket, versionId)) {
    throw new AwsError('InvalidArgument', 'Invalid version id specified', {
      extra: { ArgumentName: 'versionId', ArgumentValue: versionId },
    });
  }
}

function noSuchVersion(key: string, versionId: string): AwsError {
  return new AwsError('NoSuchVersion', 'The specified version does not exist.', {
    status: 404,
    extra: { Key: key, VersionId: versionId },
  });
}

function deleteMarkerError(
  call: CallContext,
  bucket: BucketRecord,
  marker: ObjectVersion,
  byVersion: boolean,
): AwsError {
  const headers: Record<string, string> = { 'x-amz-delete-marker': 'true' };
  if (bucket.versioning !== undefined) headers['x-amz-version-id'] = marker.versionId;
  if (byVersion) {
    return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
      status: 405,
      extra: { Method: call.http.method.toUpperCase(), ResourceType: 'DeleteMarker' },
      headers: { ...headers, 'Last-Modified': new Date(marker.lastModified).toUTCString() },
    });
  }
  const missing = missingKeyError(call, bucket, marker.key);
  if (missing.code !== 'NoSuchKey') return missing;
  return new AwsError(missing.code, missing.message, { status: missing.status, extra: missing.extra, headers });
}
