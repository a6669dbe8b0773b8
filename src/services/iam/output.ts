// IAM entities shaped as the model's output structures. List operations return the subset AWS documents for them
// (no tags, no permissions boundary); Get and Create return the whole entity.
import type { Shaped } from '../../protocol/index.js';
import type { IamContext } from './iam-context.js';
import type { GroupRecord } from './repos/groups.js';
import type { InstanceProfileRecord } from './repos/instance-profiles.js';
import type { ManagedPolicyView } from './repos/managed-policy-lookup.js';
import type { StoredRole } from './repos/roles.js';
import type { UserRecord } from './repos/users.js';
import { effectiveTrustPolicy } from './trust-principals.js';

export type Detail = 'full' | 'list';

/** IAM reports times to the second (`2024-01-02T03:04:05Z`). */
export function timestamp(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

/** IAM returns policy documents URL-encoded in its XML responses (RFC 3986). */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document);
}

function boundary(arn: string | undefined): Shaped | undefined {
  return arn === undefined
    ? undefined
    : { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn };
}

function tagsOf(iam: IamContext, type: string, id: string): Shaped[] | undefined {
  const tags = iam.tags.list(type, id);
  return tags.length > 0 ? tags.map((t) => ({ ...t })) : undefined;
}

export function userOutput(iam: IamContext, user: UserRecord, detail: Detail): Shaped {
  const out: Shaped = {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: timestamp(user.createdAt),
  };
  if (detail === 'full') {
    out.PermissionsBoundary = boundary(user.permissionsBoundary);
    out.Tags = tagsOf(iam, 'user', user.id);
  }
  return out;
}

export function groupOutput(group: GroupRecord): Shaped {
  return {
    Path: group.path,
    GroupName: group.name,
    GroupId: group.id,
    Arn: group.arn,
    CreateDate: timestamp(group.createdAt),
  };
}

export function roleOutput(iam: IamContext, role: StoredRole, detail: Detail): Shaped {
  const out: Shaped = {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: timestamp(role.createdAt),
    AssumeRolePolicyDocument: encodeDocument(effectiveTrustPolicy(iam, role)),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
  };
  if (detail === 'full') {
    out.PermissionsBoundary = boundary(role.permissionsBoundary);
    out.Tags = tagsOf(iam, 'role', role.id);
    out.RoleLastUsed = {};
  }
  return out;
}

export function instanceProfileOutput(iam: IamContext, profile: InstanceProfileRecord, detail: Detail): Shaped {
  const roles = iam.instanceProfiles
    .roleIds(profile.id)
    .flatMap((id) => iam.roles.byId(id) ?? [])
    .map((role) => roleOutput(iam, role, 'list'));
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: profile.arn,
    CreateDate: timestamp(profile.createdAt),
    Roles: roles,
    Tags: detail === 'full' ? tagsOf(iam, 'instance-profile', profile.id) : undefined,
  };
}

export function policyOutput(iam: IamContext, account: string, policy: ManagedPolicyView, detail: Detail): Shaped {
  const out: Shaped = {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersion,
    AttachmentCount: iam.attachments.count(account, policy.arn),
    PermissionsBoundaryUsageCount:
      iam.users.boundaryUsage(account, policy.arn) + iam.roles.boundaryUsage(account, policy.arn),
    IsAttachable: true,
    CreateDate: timestamp(policy.createdAt),
    UpdateDate: timestamp(policy.updatedAt),
  };
  if (detail === 'full') {
    out.Description = policy.description;
    if (!policy.awsManaged) out.Tags = tagsOf(iam, 'policy', policy.id);
  }
  return out;
}
