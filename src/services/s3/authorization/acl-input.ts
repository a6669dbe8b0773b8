// Reads the ACL a request asks for (canned `x-amz-acl`, `x-amz-grant-*` headers, or an AccessControlPolicy body)
// with S3's errors, and decides whether the bucket accepts it (Object Ownership, BlockPublicAcls).
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import { Accounts } from '../../accounts/accounts.js';
import type { CallContext } from '../../types.js';
import type { BucketRecord } from '../repos/buckets.js';
import {
  ACL_GROUPS,
  type AclGrant,
  type AclGrantee,
  type AclPermission,
  type CannedAcl,
  cannedAcl,
  grantsOnlyOwner,
  isCannedAcl,
  isPublicAcl,
  type StoredAcl,
} from './acl.js';
import type { AclScope } from './acl-statements.js';
import { bucketView } from './bucket-view.js';
import { BLOCKED_PUBLIC_ACLS, publicAccessBlocked } from './denial.js';

const GRANT_MEMBERS: readonly (readonly [string, string, AclPermission])[] = [
  ['GrantFullControl', 'x-amz-grant-full-control', 'FULL_CONTROL'],
  ['GrantRead', 'x-amz-grant-read', 'READ'],
  ['GrantReadACP', 'x-amz-grant-read-acp', 'READ_ACP'],
  ['GrantWrite', 'x-amz-grant-write', 'WRITE'],
  ['GrantWriteACP', 'x-amz-grant-write-acp', 'WRITE_ACP'],
];

const PERMISSIONS: ReadonlySet<string> = new Set(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']);

/** Which ACL-setting parts the request carries. */
export function aclParts(input: Shaped): { canned: boolean; grants: boolean; body: boolean } {
  return {
    canned: input.ACL !== undefined,
    grants: GRANT_MEMBERS.some(([member]) => input[member] !== undefined),
    body: input.AccessControlPolicy !== undefined,
  };
}

/**
 * The ACL the request asks for, or undefined when it names none. `owner` is the canonical id of the resource's
 * owner, `bucketOwner` that of the bucket's (for bucket-owner-* canned object ACLs).
 */
export function requestedAcl(
  call: CallContext,
  input: Shaped,
  scope: AclScope,
  owner: string,
  bucketOwner: string = owner,
): StoredAcl | undefined {
  const parts = aclParts(input);
  if (parts.canned && parts.grants) {
    throw new AwsError('InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed');
  }
  if (parts.body && (parts.canned || parts.grants)) {
    throw new AwsError('UnexpectedContent', 'This request does not support content');
  }
  if (parts.canned) return cannedAcl(checkedCannedAcl(input.ACL), owner, bucketOwner);
  if (parts.grants) return { owner, grants: headerGrants(call, input, scope) };
  if (parts.body) return { owner, grants: bodyGrants(call, input.AccessControlPolicy as Shaped, scope) };
  return undefined;
}

/** A canned ACL S3 knows, or S3's InvalidArgument (with no message) naming the header. */
function checkedCannedAcl(value: unknown): CannedAcl {
  if (isCannedAcl(value)) return value;
  throw new AwsError('InvalidArgument', '', { extra: { ArgumentName: 'x-amz-acl', ArgumentValue: String(value) } });
}

function headerGrants(call: CallContext, input: Shaped, scope: AclScope): AclGrant[] {
  const grants: AclGrant[] = [];
  for (const [member, header, permission] of GRANT_MEMBERS) {
    const value = input[member];
    if (typeof value !== 'string') continue;
    for (const item of value.split(',')) {
      const match = /^\s*(id|uri|emailAddress)\s*=\s*"?([^"]*)"?\s*$/.exec(item);
      if (match === null) {
        throw new AwsError('InvalidArgument', 'Argument format not recognized', {
          extra: { ArgumentName: header, ArgumentValue: value },
        });
      }
      grants.push({ grantee: grantee(call, match[1]!, match[2]!, scope), permission });
    }
  }
  return grants;
}

function bodyGrants(call: CallContext, policy: Shaped, scope: AclScope): AclGrant[] {
  const list = (policy.Grants as Shaped[] | undefined) ?? [];
  return list.map((grant) => {
    const g = (grant.Grantee as Shaped | undefined) ?? {};
    const permission = grant.Permission;
    if (typeof permission !== 'string' || !PERMISSIONS.has(permission)) throw malformedAcl();
    const type = g.Type;
    if (type === 'CanonicalUser')
      return { grantee: grantee(call, 'id', String(g.ID ?? ''), scope), permission } as AclGrant;
    if (type === 'Group') return { grantee: grantee(call, 'uri', String(g.URI ?? ''), scope), permission } as AclGrant;
    if (type === 'AmazonCustomerByEmail')
      return { grantee: grantee(call, 'emailAddress', '', scope), permission } as AclGrant;
    throw malformedAcl();
  });
}

function grantee(call: CallContext, kind: string, value: string, scope: AclScope): AclGrantee {
  if (kind === 'emailAddress') {
    // Email grantees were retired on 1 October 2025; S3 answers 405 (PutBucketAcl / PutObjectAcl API docs).
    throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
      status: 405,
      extra: { Method: 'PUT', ResourceType: scope === 'bucket' ? 'BUCKET' : 'OBJECT' },
    });
  }
  if (kind === 'uri') {
    if (!ACL_GROUPS.has(value)) {
      throw new AwsError('InvalidArgument', 'Invalid group uri', {
        extra: { ArgumentName: 'uri', ArgumentValue: value },
      });
    }
    return { type: 'Group', uri: value };
  }
  if (new Accounts(call.deps.storage.db).findByCanonicalUserId(value) === undefined) {
    throw new AwsError('InvalidArgument', 'Invalid id', {
      extra: { ArgumentName: 'CanonicalUser/ID', ArgumentValue: value },
    });
  }
  return { type: 'CanonicalUser', id: value };
}

function malformedAcl(): AwsError {
  return new AwsError(
    'MalformedACLError',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}

/**
 * Whether the bucket takes this ACL for `action` on `resource`: with ACLs disabled only bucket-owner-full-control
 * equivalents pass (`AccessControlListNotSupported`; under BucketOwnerEnforced the object owner is the bucket owner,
 * so object ACLs must be built with it); under BlockPublicAcls a public ACL is refused (AccessDenied).
 */
export function checkAclAccepted(
  call: CallContext,
  bucket: BucketRecord,
  acl: StoredAcl,
  action: string,
  resource: string,
): void {
  if (!bucket.aclsEnabled && !grantsOnlyOwner(acl, bucket.ownerCanonicalId)) {
    throw new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs');
  }
  if (isPublicAcl(acl) && bucketView(call.deps, bucket).block.blockPublicAcls) {
    throw publicAccessBlocked(call, bucket.owner, action, resource, BLOCKED_PUBLIC_ACLS);
  }
}
