// The entries of GetAccountAuthorizationDetails: each user, group and role with its inline policies (documents
// URL-encoded, as IAM returns them), attached managed policies, groups or instance profiles, and each managed policy
// with all its versions.
import type { Shaped } from '../../../protocol/index.js';
import type { IamContext } from '../iam-context.js';
import { encodeDocument, instanceProfileOutput, policyOutput } from '../output.js';
import type { GroupRecord } from '../repos/groups.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';
import type { ManagedPolicyView } from '../repos/managed-policy-lookup.js';
import type { StoredRole } from '../repos/roles.js';
import type { UserRecord } from '../repos/users.js';

function inlinePolicies(iam: IamContext, type: PolicyHolderType, id: string): Shaped[] {
  return iam.inlinePolicies
    .list(type, id)
    .map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) }));
}

function attachedPolicies(iam: IamContext, type: PolicyHolderType, id: string): Shaped[] {
  return iam.attachments.list(type, id).map((arn) => ({
    PolicyName: iam.policies.find(arn)?.name ?? arn.slice(arn.lastIndexOf('/') + 1),
    PolicyArn: arn,
  }));
}

function boundary(arn: string | undefined): Shaped {
  return arn === undefined
    ? {}
    : { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } };
}

function tags(iam: IamContext, type: string, id: string): Shaped {
  const list = iam.tags.list(type, id);
  return list.length > 0 ? { Tags: list } : {};
}

export function userDetail(iam: IamContext, user: UserRecord): Shaped {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: new Date(user.createdAt),
    UserPolicyList: inlinePolicies(iam, 'user', user.id),
    GroupList: iam.groups.groupsOf(user.id).map((g) => g.name),
    AttachedManagedPolicies: attachedPolicies(iam, 'user', user.id),
    ...boundary(user.permissionsBoundary),
    ...tags(iam, 'user', user.id),
  };
}

export function groupDetail(iam: IamContext, group: GroupRecord): Shaped {
  return {
    Path: group.path,
    GroupName: group.name,
    GroupId: group.id,
    Arn: group.arn,
    CreateDate: new Date(group.createdAt),
    GroupPolicyList: inlinePolicies(iam, 'group', group.id),
    AttachedManagedPolicies: attachedPolicies(iam, 'group', group.id),
  };
}

export function roleDetail(iam: IamContext, role: StoredRole): Shaped {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodeDocument(role.trustPolicy),
    InstanceProfileList: iam.instanceProfiles.profilesOf(role.id).map((p) => instanceProfileOutput(iam, p, 'list')),
    RolePolicyList: inlinePolicies(iam, 'role', role.id),
    AttachedManagedPolicies: attachedPolicies(iam, 'role', role.id),
    ...boundary(role.permissionsBoundary),
    ...tags(iam, 'role', role.id),
    RoleLastUsed: {},
  };
}

export function policyDetail(iam: IamContext, account: string, policy: ManagedPolicyView): Shaped {
  const versions = iam.policies.versions(policy.arn).map((v) => ({
    Document: encodeDocument(v.document),
    VersionId: v.versionId,
    IsDefaultVersion: v.versionId === policy.defaultVersion,
    CreateDate: new Date(v.createdAt),
  }));
  return { ...policyOutput(iam, account, policy, 'list'), PolicyVersionList: versions };
}
