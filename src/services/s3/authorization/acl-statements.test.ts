import { describe, expect, it } from 'vitest';
import { authorize, CompiledPolicy, type Principal, RequestContext } from '../../../policy/index.js';
import { ALL_USERS, AUTHENTICATED_USERS, type StoredAcl } from './acl.js';
import { type AclScope, aclStatements } from './acl-statements.js';

const OWNER = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const BUCKET = 'arn:aws:s3:::b';

const otherRoot: Principal = {
  type: 'Account',
  arn: 'arn:aws:iam::222222222222:root',
  account: '222222222222',
  canonicalUserId: OTHER,
};
const otherUser: Principal = {
  type: 'User',
  arn: 'arn:aws:iam::222222222222:user/u',
  account: '222222222222',
  canonicalUserId: OTHER,
};
const anonymous: Principal = { type: 'Anonymous', arn: 'anonymous', account: undefined };

function decide(acl: StoredAcl, scope: AclScope, principal: Principal, action: string, resource: string) {
  const document = { version: '2012-10-17' as const, id: undefined, statements: aclStatements(acl, scope, BUCKET, 0) };
  const context: Record<string, string> = {};
  if (principal.account !== undefined) context['aws:PrincipalAccount'] = principal.account;
  return authorize(
    { principal, action, resource, resourceAccount: '111111111111', context: RequestContext.from(context) },
    { resource: new CompiledPolicy('s3-bucket', 'acl', document) },
  ).decision;
}

describe('ACL grants as policy statements', () => {
  it('maps bucket permissions to S3 actions (READ -> ListBucket, WRITE -> PutObject on objects)', () => {
    const acl: StoredAcl = {
      owner: OWNER,
      grants: [
        { grantee: { type: 'CanonicalUser', id: OTHER }, permission: 'READ' },
        { grantee: { type: 'CanonicalUser', id: OTHER }, permission: 'WRITE' },
      ],
    };
    expect(decide(acl, 'bucket', otherRoot, 's3:ListBucket', BUCKET)).toBe('Allowed');
    expect(decide(acl, 'bucket', otherRoot, 's3:PutObject', `${BUCKET}/k`)).toBe('Allowed');
    expect(decide(acl, 'bucket', otherRoot, 's3:GetBucketAcl', BUCKET)).toBe('ImplicitDeny');
  });

  it('delegates a grant to an account to that account`s IAM: its users still need identity policies', () => {
    const acl: StoredAcl = {
      owner: OWNER,
      grants: [{ grantee: { type: 'CanonicalUser', id: OTHER }, permission: 'FULL_CONTROL' }],
    };
    expect(decide(acl, 'object', otherRoot, 's3:GetObject', `${BUCKET}/k`)).toBe('Allowed');
    expect(decide(acl, 'object', otherUser, 's3:GetObject', `${BUCKET}/k`)).toBe('ImplicitDeny');
    expect(decide(acl, 'object', otherRoot, 's3:PutObjectAcl', `${BUCKET}/k`)).toBe('Allowed');
  });

  it('lets AllUsers in anonymously; AuthenticatedUsers only signed callers', () => {
    const everyone: StoredAcl = {
      owner: OWNER,
      grants: [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' }],
    };
    const signed: StoredAcl = {
      owner: OWNER,
      grants: [{ grantee: { type: 'Group', uri: AUTHENTICATED_USERS }, permission: 'READ' }],
    };
    expect(decide(everyone, 'object', anonymous, 's3:GetObject', `${BUCKET}/k`)).toBe('Allowed');
    expect(decide(signed, 'object', anonymous, 's3:GetObject', `${BUCKET}/k`)).toBe('ImplicitDeny');
    expect(decide(signed, 'object', otherRoot, 's3:GetObject', `${BUCKET}/k`)).toBe('Allowed');
  });
});
