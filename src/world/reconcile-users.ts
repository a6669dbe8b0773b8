// IAM groups and users: created when missing, then brought up to the world's policies, group memberships, tags,
// boundary and number of access keys. Nothing the world does not mention is removed.
import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  GetGroupCommand,
  GetUserCommand,
  type IAMClient,
  PutUserPermissionsBoundaryCommand,
  paginateListAccessKeys,
  paginateListGroupsForUser,
  paginateListUserTags,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import { markCreated, markUpdated, type ResourceChange } from './apply-log.js';
import { groupPolicies, syncHolderPolicies, userPolicies } from './holder-policies.js';
import { collect, mutate, type ReconcileContext, unlessNotFound } from './reconcile-context.js';
import type { GroupSpec, Tags, UserSpec, WorldAccount } from './world-types.js';

const NOT_FOUND = ['NoSuchEntityException', 'NoSuchEntity'];

export async function reconcileGroups(ctx: ReconcileContext, account: WorldAccount): Promise<void> {
  const iam = ctx.clients.iam(account.id);
  for (const spec of account.groups) await reconcileGroup(ctx, iam, account.id, spec);
}

async function reconcileGroup(ctx: ReconcileContext, iam: IAMClient, accountId: string, spec: GroupSpec) {
  const change = ctx.log.resource(accountId, 'group', spec.name);
  const GroupName = spec.name;
  const exists =
    (await unlessNotFound(iam.send(new GetGroupCommand({ GroupName, MaxItems: 1 })), ...NOT_FOUND)) !== undefined;
  if (!exists) {
    markCreated(change);
    await mutate(ctx, () => iam.send(new CreateGroupCommand({ GroupName, Path: spec.path })));
  }
  await syncHolderPolicies(ctx, change, groupPolicies(iam, GroupName), spec, exists);
}

export async function reconcileUsers(ctx: ReconcileContext, account: WorldAccount): Promise<void> {
  const iam = ctx.clients.iam(account.id);
  for (const spec of account.users) await reconcileUser(ctx, iam, account.id, spec);
}

async function reconcileUser(ctx: ReconcileContext, iam: IAMClient, accountId: string, spec: UserSpec) {
  const change = ctx.log.resource(accountId, 'user', spec.name);
  const UserName = spec.name;
  const current = (await unlessNotFound(iam.send(new GetUserCommand({ UserName })), ...NOT_FOUND))?.User;
  const exists = current !== undefined;
  if (!exists) {
    markCreated(change);
    await mutate(ctx, () =>
      iam.send(
        new CreateUserCommand({
          UserName,
          Path: spec.path,
          PermissionsBoundary: spec.permissionsBoundary,
          Tags: tagList(spec.tags),
        }),
      ),
    );
  } else {
    await syncUserTags(ctx, iam, change, spec);
    if (
      spec.permissionsBoundary !== undefined &&
      current.PermissionsBoundary?.PermissionsBoundaryArn !== spec.permissionsBoundary
    ) {
      const PermissionsBoundary = spec.permissionsBoundary;
      await mutate(ctx, () => iam.send(new PutUserPermissionsBoundaryCommand({ UserName, PermissionsBoundary })));
      markUpdated(change, `permissions boundary ${PermissionsBoundary}`);
    }
  }
  await syncMemberships(ctx, iam, change, spec, exists);
  await syncHolderPolicies(ctx, change, userPolicies(iam, UserName), spec, exists);
  await ensureAccessKeys(ctx, iam, change, accountId, spec, exists);
}

async function syncUserTags(ctx: ReconcileContext, iam: IAMClient, change: ResourceChange, spec: UserSpec) {
  const current = await collect(paginateListUserTags({ client: iam }, { UserName: spec.name }), (p) => p.Tags);
  const differing = changedTags(spec.tags, current);
  if (differing.length === 0) return;
  await mutate(ctx, () => iam.send(new TagUserCommand({ UserName: spec.name, Tags: differing })));
  markUpdated(change, `tags ${differing.map((t) => t.Key).join(', ')}`);
}

async function syncMemberships(
  ctx: ReconcileContext,
  iam: IAMClient,
  change: ResourceChange,
  spec: UserSpec,
  exists: boolean,
) {
  const pages = paginateListGroupsForUser({ client: iam }, { UserName: spec.name });
  const current = new Set(exists ? (await collect(pages, (p) => p.Groups)).map((g) => g.GroupName) : []);
  for (const GroupName of spec.groups) {
    if (current.has(GroupName)) continue;
    await mutate(ctx, () => iam.send(new AddUserToGroupCommand({ GroupName, UserName: spec.name })));
    markUpdated(change, `member of ${GroupName}`);
  }
}

/** Creates keys up to the wanted number; a secret is only ever known at creation, so it is logged for printing. */
async function ensureAccessKeys(
  ctx: ReconcileContext,
  iam: IAMClient,
  change: ResourceChange,
  accountId: string,
  spec: UserSpec,
  exists: boolean,
) {
  const pages = paginateListAccessKeys({ client: iam }, { UserName: spec.name });
  const have = exists ? (await collect(pages, (p) => p.AccessKeyMetadata)).length : 0;
  for (let i = have; i < spec.accessKeys; i++) {
    markUpdated(change, 'access key created');
    if (ctx.log.dryRun) continue;
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: spec.name }))).AccessKey!;
    ctx.log.keys.push({
      account: accountId,
      user: spec.name,
      accessKeyId: key.AccessKeyId!,
      secretAccessKey: key.SecretAccessKey!,
    });
  }
}

export function tagList(tags: Tags): { Key: string; Value: string }[] | undefined {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return list.length === 0 ? undefined : list;
}

/** Tags to set: missing or with another value. Tags the world does not mention stay. */
export function changedTags(
  wanted: Tags,
  current: readonly { Key?: string; Value?: string }[],
): { Key: string; Value: string }[] {
  const have = new Map(current.map((t) => [t.Key, t.Value]));
  return Object.entries(wanted)
    .filter(([k, v]) => have.get(k) !== v)
    .map(([Key, Value]) => ({ Key, Value }));
}
