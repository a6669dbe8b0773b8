// S3 access control lists as xacct stores them: the owner, the grants, the canned ACLs, which grants are public, and
// the model shape GetBucketAcl/GetObjectAcl answer with.
import type { Shaped } from '../../../protocol/index.js';

export type AclPermission = 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
export const ACL_GROUPS: ReadonlySet<string> = new Set([ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY]);

export type AclGrantee =
  | { readonly type: 'CanonicalUser'; readonly id: string }
  | { readonly type: 'Group'; readonly uri: string };

export interface AclGrant {
  readonly grantee: AclGrantee;
  readonly permission: AclPermission;
}

/** An ACL: the canonical user id of the resource's owner and its grants (the owner's own grant included). */
export interface StoredAcl {
  readonly owner: string;
  readonly grants: readonly AclGrant[];
}

export type BucketCannedAcl =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'log-delivery-write';
export type ObjectCannedAcl =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'aws-exec-read'
  | 'bucket-owner-read'
  | 'bucket-owner-full-control';
export type CannedAcl = BucketCannedAcl | ObjectCannedAcl;

const CANNED_ACLS: ReadonlySet<unknown> = new Set<CannedAcl>([
  'private',
  'public-read',
  'public-read-write',
  'authenticated-read',
  'log-delivery-write',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
]);

export function isCannedAcl(value: unknown): value is CannedAcl {
  return CANNED_ACLS.has(value);
}

const user = (id: string, permission: AclPermission): AclGrant => ({
  grantee: { type: 'CanonicalUser', id },
  permission,
});
const group = (uri: string, permission: AclPermission): AclGrant => ({ grantee: { type: 'Group', uri }, permission });

/**
 * The grants a canned ACL stands for (S3 UG, "Canned ACL"). `bucketOwner` matters only for the object ACLs
 * bucket-owner-read and bucket-owner-full-control; when the bucket owner is the object owner they add nothing.
 */
export function cannedAcl(canned: CannedAcl, owner: string, bucketOwner: string = owner): StoredAcl {
  const grants: AclGrant[] = [user(owner, 'FULL_CONTROL')];
  switch (canned) {
    case 'public-read':
      grants.push(group(ALL_USERS, 'READ'));
      break;
    case 'public-read-write':
      grants.push(group(ALL_USERS, 'READ'), group(ALL_USERS, 'WRITE'));
      break;
    case 'authenticated-read':
      grants.push(group(AUTHENTICATED_USERS, 'READ'));
      break;
    case 'log-delivery-write':
      grants.push(group(LOG_DELIVERY, 'WRITE'), group(LOG_DELIVERY, 'READ_ACP'));
      break;
    case 'bucket-owner-read':
      if (bucketOwner !== owner) grants.push(user(bucketOwner, 'READ'));
      break;
    case 'bucket-owner-full-control':
      if (bucketOwner !== owner) grants.push(user(bucketOwner, 'FULL_CONTROL'));
      break;
    case 'private':
    case 'aws-exec-read':
      break;
  }
  return { owner, grants };
}

/** An ACL is public when it grants anything to AllUsers or AuthenticatedUsers (S3 UG, "The meaning of public"). */
export function isPublicAcl(acl: StoredAcl): boolean {
  return acl.grants.some(isPublicGrant);
}

function isPublicGrant(grant: AclGrant): boolean {
  return (
    grant.grantee.type === 'Group' && (grant.grantee.uri === ALL_USERS || grant.grantee.uri === AUTHENTICATED_USERS)
  );
}

/** Public grants removed: what IgnorePublicAcls leaves in force and what Get*Acl then reports. */
export function withoutPublicGrants(acl: StoredAcl): StoredAcl {
  return isPublicAcl(acl) ? { owner: acl.owner, grants: acl.grants.filter((g) => !isPublicGrant(g)) } : acl;
}

/** True when the ACL grants nobody but `owner` (what BucketOwnerEnforced requires of a bucket ACL). */
export function grantsOnlyOwner(acl: StoredAcl, owner: string): boolean {
  return acl.grants.every((g) => g.grantee.type === 'CanonicalUser' && g.grantee.id === owner);
}

/** The model shape of GetBucketAcl / GetObjectAcl output (`Owner` and `Grants`). */
export function aclOutput(acl: StoredAcl): Shaped {
  return {
    Owner: { ID: acl.owner },
    Grants: acl.grants.map((g) => ({
      Grantee:
        g.grantee.type === 'Group'
          ? { Type: 'Group', URI: g.grantee.uri }
          : { Type: 'CanonicalUser', ID: g.grantee.id },
      Permission: g.permission,
    })),
  };
}
