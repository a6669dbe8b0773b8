// IAM roles: created when missing; otherwise the trust policy, description, maximum session duration, tags,
// boundary and policies are brought up to the world. A role's path cannot change in IAM, so it is set only at creation.
import {
  CreateRoleCommand,
  GetRoleCommand,
  type IAMClient,
  PutRolePermissionsBoundaryCommand,
  paginateListRoleTags,
  type Role,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { markCreated, markUpdated, type ResourceChange } from './apply-log.js';
import { rolePolicies, syncHolderPolicies } from './holder-policies.js';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';
import { collect, mutate, type ReconcileContext, unlessNotFound } from './reconcile-context.js';
import { changedTags, tagList } from './reconcile-users.js';
import type { RoleSpec, WorldAccount } from './world-types.js';

export async function reconcileRoles(ctx: ReconcileContext, account: WorldAccount): Promise<void> {
  const iam = ctx.clients.iam(account.id);
  for (const spec of account.roles) await reconcileRole(ctx, iam, account.id, spec);
}

async function reconcileRole(ctx: ReconcileContext, iam: IAMClient, accountId: string, spec: RoleSpec) {
  const change = ctx.log.resource(accountId, 'role', spec.name);
  const RoleName = spec.name;
  const request = iam.send(new GetRoleCommand({ RoleName }));
  const current = (await unlessNotFound(request, 'NoSuchEntityException', 'NoSuchEntity'))?.Role;
  if (current === undefined) {
    markCreated(change);
    await mutate(ctx, () =>
      iam.send(
        new CreateRoleCommand({
          RoleName,
          Path: spec.path,
          AssumeRolePolicyDocument: documentText(spec.trustPolicy),
          Description: spec.description,
          MaxSessionDuration: spec.maxSessionDuration,
          PermissionsBoundary: spec.permissionsBoundary,
          Tags: tagList(spec.tags),
        }),
      ),
    );
  } else {
    await updateRole(ctx, iam, change, spec, current);
  }
  await syncHolderPolicies(ctx, change, rolePolicies(iam, RoleName), spec, current !== undefined);
}

async function updateRole(
  ctx: ReconcileContext,
  iam: IAMClient,
  change: ResourceChange,
  spec: RoleSpec,
  current: Role,
) {
  const RoleName = spec.name;
  if (!sameDocument(spec.trustPolicy, decodeDocument(current.AssumeRolePolicyDocument))) {
    const PolicyDocument = documentText(spec.trustPolicy);
    await mutate(ctx, () => iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument })));
    markUpdated(change, 'trust policy');
  }
  const description = spec.description !== undefined && spec.description !== (current.Description ?? '');
  const duration = spec.maxSessionDuration !== undefined && spec.maxSessionDuration !== current.MaxSessionDuration;
  if (description || duration) {
    const update = { RoleName, Description: spec.description, MaxSessionDuration: spec.maxSessionDuration };
    await mutate(ctx, () => iam.send(new UpdateRoleCommand(update)));
    if (description) markUpdated(change, 'description');
    if (duration) markUpdated(change, `max session duration ${spec.maxSessionDuration}s`);
  }
  if (
    spec.permissionsBoundary !== undefined &&
    current.PermissionsBoundary?.PermissionsBoundaryArn !== spec.permissionsBoundary
  ) {
    const PermissionsBoundary = spec.permissionsBoundary;
    await mutate(ctx, () => iam.send(new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary })));
    markUpdated(change, `permissions boundary ${PermissionsBoundary}`);
  }
  const tags = changedTags(
    spec.tags,
    await collect(paginateListRoleTags({ client: iam }, { RoleName }), (p) => p.Tags),
  );
  if (tags.length > 0) {
    await mutate(ctx, () => iam.send(new TagRoleCommand({ RoleName, Tags: tags })));
    markUpdated(change, `tags ${tags.map((t) => t.Key).join(', ')}`);
  }
}
