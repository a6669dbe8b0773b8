// The organization: created by the management account's root with all features, the policy types the world
// uses enabled on the root, and member accounts joined the way existing accounts join in AWS (an invitation
// from the management account, accepted by the member's root). Then the OU tree and policies follow.
import {
  AcceptHandshakeCommand,
  CreateOrganizationCommand,
  DescribeOrganizationCommand,
  EnablePolicyTypeCommand,
  InviteAccountToOrganizationCommand,
  ListRootsCommand,
  type OrganizationsClient,
  type PolicyType,
  paginateListAccounts,
  paginateListHandshakesForAccount,
  type Root,
} from '@aws-sdk/client-organizations';
import { markCreated, markUpdated, type ResourceChange } from './apply-log.js';
import { collect, mutate, type ReconcileContext, unlessNotFound } from './reconcile-context.js';
import { reconcileOrgStructure } from './reconcile-org-structure.js';
import type { WorldOrganization } from './world-types.js';

const NOT_IN_USE = 'AWSOrganizationsNotInUseException';
const POLICY_TYPES: Readonly<Record<'scp' | 'rcp', PolicyType>> = {
  scp: 'SERVICE_CONTROL_POLICY',
  rcp: 'RESOURCE_CONTROL_POLICY',
};

export class OrganizationConflict extends Error {
  override readonly name = 'OrganizationConflict';
}

export async function reconcileOrganization(ctx: ReconcileContext, spec: WorldOrganization): Promise<void> {
  const management = spec.managementAccount;
  const org = ctx.clients.organizations(management);
  const change = ctx.log.resource(management, 'organization', `managed by ${management}`);
  const current = ctx.readable(management) ? await describeOrganization(org) : undefined;
  if (current !== undefined && current.MasterAccountId !== management) {
    throw new OrganizationConflict(
      `account ${management} is a member of organization ${current.Id}, managed by ${current.MasterAccountId}`,
    );
  }
  if (current === undefined) {
    markCreated(change);
    await mutate(ctx, () => org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' })));
  }
  // In a dry run a new organization has no root or id yet: everything below it would be created.
  const created = current === undefined && ctx.log.dryRun;
  const orgId = created ? undefined : (current?.Id ?? (await describeOrganization(org))?.Id);
  const root = created ? undefined : (await org.send(new ListRootsCommand({}))).Roots?.[0];
  await enablePolicyTypes(ctx, org, change, spec, root);
  await joinMembers(ctx, org, change, spec, orgId);
  await reconcileOrgStructure(ctx, org, spec, root?.Id);
}

async function describeOrganization(org: OrganizationsClient) {
  return (await unlessNotFound(org.send(new DescribeOrganizationCommand({})), NOT_IN_USE))?.Organization;
}

async function enablePolicyTypes(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  change: ResourceChange,
  spec: WorldOrganization,
  root: Root | undefined,
) {
  const wanted = new Set(spec.policies.map((p) => POLICY_TYPES[p.type]));
  for (const PolicyType of wanted) {
    if (root?.PolicyTypes?.some((t) => t.Type === PolicyType && t.Status === 'ENABLED')) continue;
    if (root?.Id !== undefined) {
      const RootId = root.Id;
      await mutate(ctx, () => org.send(new EnablePolicyTypeCommand({ RootId, PolicyType })));
    }
    markUpdated(change, `enabled ${PolicyType}`);
  }
}

/** Every account the world places in the organization (the management account is in it already). */
export function memberAccounts(spec: WorldOrganization): string[] {
  const out = [...spec.accounts];
  const visit = (units: WorldOrganization['units']) => {
    for (const u of units) {
      out.push(...u.accounts);
      visit(u.units);
    }
  };
  visit(spec.units);
  return out.filter((id) => id !== spec.managementAccount);
}

async function joinMembers(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  change: ResourceChange,
  spec: WorldOrganization,
  orgId: string | undefined,
) {
  const listed = orgId === undefined ? [] : await collect(paginateListAccounts({ client: org }, {}), (p) => p.Accounts);
  const members = new Set(listed.map((a) => a.Id));
  for (const account of memberAccounts(spec)) {
    if (members.has(account)) continue;
    markUpdated(change, `account ${account} joined`);
    if (orgId !== undefined && !ctx.log.dryRun) await join(ctx, org, orgId, account);
  }
}

/** An invitation already waiting (from an earlier, interrupted run) is accepted rather than sent again. */
async function join(ctx: ReconcileContext, org: OrganizationsClient, orgId: string, account: string) {
  const member = ctx.clients.organizations(account);
  const theirs = await describeOrganization(member);
  if (theirs !== undefined) {
    throw new OrganizationConflict(`account ${account} is already a member of organization ${theirs.Id}`);
  }
  const waiting = await collect(paginateListHandshakesForAccount({ client: member }, {}), (p) => p.Handshakes);
  const open = waiting.find(
    (h) =>
      h.Action === 'INVITE' &&
      h.State === 'OPEN' &&
      h.Parties?.some((p) => p.Type === 'ORGANIZATION' && p.Id === orgId),
  );
  const HandshakeId =
    open?.Id ??
    (await org.send(new InviteAccountToOrganizationCommand({ Target: { Id: account, Type: 'ACCOUNT' } }))).Handshake
      ?.Id;
  await member.send(new AcceptHandshakeCommand({ HandshakeId }));
}
