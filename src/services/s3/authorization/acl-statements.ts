// ACL grants as resource-policy statements, so the engine evaluates them with the bucket policy in one decision.
// The mapping is S3's own table (S3 UG, "Mapping of ACL permissions and access policy permissions"): a grant to an
// account (canonical user) delegates to that account's IAM like a policy naming the account; AllUsers is
// `Principal: "*"`; AuthenticatedUsers is `"*"` limited to signed requests; LogDelivery is the logging service.
import type { ConditionClause, PrincipalElement, Statement } from '../../../policy/index.js';
import {
  type AclGrant,
  type AclPermission,
  ALL_USERS,
  AUTHENTICATED_USERS,
  LOG_DELIVERY,
  type StoredAcl,
} from './acl.js';

const BUCKET_ACTIONS: Readonly<Record<Exclude<AclPermission, 'FULL_CONTROL'>, readonly string[]>> = {
  READ: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  WRITE: ['s3:PutObject'],
  READ_ACP: ['s3:GetBucketAcl'],
  WRITE_ACP: ['s3:PutBucketAcl'],
};

const OBJECT_ACTIONS: Readonly<Record<Exclude<AclPermission, 'FULL_CONTROL'>, readonly string[]>> = {
  READ: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTorrent'],
  WRITE: [],
  READ_ACP: ['s3:GetObjectAcl', 's3:GetObjectVersionAcl'],
  WRITE_ACP: ['s3:PutObjectAcl', 's3:PutObjectVersionAcl'],
};

const NO_PRINCIPALS: PrincipalElement = { wildcard: false, aws: [], service: [], federated: [], canonicalUser: [] };

const SIGNED_ONLY: ConditionClause = {
  operator: 'Null',
  baseOperator: 'Null',
  qualifier: undefined,
  ifExists: false,
  key: 'aws:PrincipalAccount',
  values: ['false'],
  path: 'acl:AuthenticatedUsers',
};

export type AclScope = 'bucket' | 'object';

/**
 * Allow statements equivalent to the grants, numbered from `firstIndex`. Bucket grants name the bucket (and for
 * WRITE its objects); object grants name every object of the bucket, as they are only ever evaluated for their own.
 */
export function aclStatements(acl: StoredAcl, scope: AclScope, bucketArn: string, firstIndex: number): Statement[] {
  const table = scope === 'bucket' ? BUCKET_ACTIONS : OBJECT_ACTIONS;
  const out: Statement[] = [];
  for (const grant of acl.grants) {
    const permissions =
      grant.permission === 'FULL_CONTROL' ? (Object.keys(table) as (keyof typeof table)[]) : [grant.permission];
    for (const permission of permissions) {
      const actions = table[permission];
      if (actions.length === 0) continue;
      const onObjects = scope === 'object' || permission === 'WRITE';
      out.push(
        grantStatement(grant, permission, actions, onObjects ? `${bucketArn}/*` : bucketArn, firstIndex + out.length),
      );
    }
  }
  return out;
}

function grantStatement(
  grant: AclGrant,
  permission: AclPermission,
  actions: readonly string[],
  resource: string,
  index: number,
): Statement {
  const { grantee } = grant;
  const who = grantee.type === 'CanonicalUser' ? grantee.id : grantee.uri.slice(grantee.uri.lastIndexOf('/') + 1);
  return {
    index,
    sid: `ACL ${permission} ${who}`,
    effect: 'Allow',
    principal: granteePrincipal(grant),
    notPrincipal: undefined,
    action: actions,
    notAction: undefined,
    resource: [resource],
    notResource: undefined,
    conditions: grantee.type === 'Group' && grantee.uri === AUTHENTICATED_USERS ? [SIGNED_ONLY] : [],
  };
}

function granteePrincipal(grant: AclGrant): PrincipalElement {
  const { grantee } = grant;
  if (grantee.type === 'CanonicalUser') return { ...NO_PRINCIPALS, canonicalUser: [grantee.id] };
  if (grantee.uri === ALL_USERS || grantee.uri === AUTHENTICATED_USERS) return { ...NO_PRINCIPALS, wildcard: true };
  if (grantee.uri === LOG_DELIVERY) return { ...NO_PRINCIPALS, service: ['logging.s3.amazonaws.com'] };
  return NO_PRINCIPALS;
}
