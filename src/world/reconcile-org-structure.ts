// Inside the organization: OUs created along the world's tree, accounts moved to their place, SCPs and RCPs
// created or updated by name and attached to their targets. Nothing is detached, moved out or deleted.
import {
  AttachPolicyCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  MoveAccountCommand,
  type OrganizationsClient,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListTargetsForPolicy,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import { markCreated, markUpdated } from './apply-log.js';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';
import { collect, mutate, type ReconcileContext } from './reconcile-context.js';
import type { OrganizationalUnitSpec, OrgPolicySpec, WorldOrganization } from './world-types.js';

const FILTERS = { scp: 'SERVICE_CONTROL_POLICY', rcp: 'RESOURCE_CONTROL_POLICY' } as const;

/** `rootId` undefined: the organization does not exist yet (dry run), so nothing in it can be read. */
export async function reconcileOrgStructure(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  spec: WorldOrganization,
  rootId: string | undefined,
): Promise<void> {
  const unitIds = new Map<string, string | undefined>([['Root', rootId]]);
  await reconcileUnits(ctx, org, spec, spec.units, rootId, '', unitIds);
  await placeAccounts(ctx, org, spec, spec.accounts, rootId, 'Root');
  for (const policy of spec.policies) await reconcilePolicy(ctx, org, spec.managementAccount, policy, unitIds);
}

async function reconcileUnits(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  spec: WorldOrganization,
  units: readonly OrganizationalUnitSpec[],
  parentId: string | undefined,
  prefix: string,
  unitIds: Map<string, string | undefined>,
): Promise<void> {
  const pages =
    parentId === undefined
      ? undefined
      : paginateListOrganizationalUnitsForParent({ client: org }, { ParentId: parentId });
  const existing = pages === undefined ? [] : await collect(pages, (p) => p.OrganizationalUnits);
  for (const unit of units) {
    const path = `${prefix}${unit.name}`;
    const change = ctx.log.resource(spec.managementAccount, 'ou', path);
    let id = existing.find((u) => u.Name === unit.name)?.Id;
    if (id === undefined) {
      markCreated(change);
      if (parentId !== undefined && !ctx.log.dryRun) {
        const created = await org.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: unit.name }));
        id = created.OrganizationalUnit?.Id;
      }
    }
    unitIds.set(path, id);
    await placeAccounts(ctx, org, spec, unit.accounts, id, path);
    await reconcileUnits(ctx, org, spec, unit.units, id, `${path}/`, unitIds);
  }
}

async function placeAccounts(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  spec: WorldOrganization,
  accounts: readonly string[],
  parentId: string | undefined,
  parentPath: string,
): Promise<void> {
  for (const AccountId of accounts) {
    const change = ctx.log.resource(spec.managementAccount, 'placement', `${AccountId} in ${parentPath}`);
    // In a dry run the parent may not exist yet, or the account may not have joined: there is nothing to read.
    const SourceParentId = parentId === undefined ? undefined : await currentParent(org, AccountId, ctx.log.dryRun);
    if (parentId !== undefined && SourceParentId === parentId) continue;
    markUpdated(change, `moved to ${parentPath}`);
    if (parentId !== undefined && SourceParentId !== undefined) {
      const move = { AccountId, SourceParentId, DestinationParentId: parentId };
      await mutate(ctx, () => org.send(new MoveAccountCommand(move)));
    }
  }
}

async function currentParent(org: OrganizationsClient, ChildId: string, dryRun: boolean): Promise<string | undefined> {
  try {
    return (await org.send(new ListParentsCommand({ ChildId }))).Parents?.[0]?.Id;
  } catch (error) {
    const notMember =
      error instanceof Error && ['ChildNotFoundException', 'AccountNotFoundException'].includes(error.name);
    if (dryRun && notMember) return undefined;
    throw error;
  }
}

async function reconcilePolicy(
  ctx: ReconcileContext,
  org: OrganizationsClient,
  management: string,
  spec: OrgPolicySpec,
  unitIds: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  const change = ctx.log.resource(management, spec.type, spec.name);
  const Filter = FILTERS[spec.type];
  const canRead = unitIds.get('Root') !== undefined;
  const listed = canRead ? await collect(paginateListPolicies({ client: org }, { Filter }), (p) => p.Policies) : [];
  let PolicyId = listed.find((p) => p.Name === spec.name)?.Id;
  const Content = documentText(spec.document);
  if (PolicyId === undefined) {
    markCreated(change);
    if (!ctx.log.dryRun) {
      const input = { Name: spec.name, Type: Filter, Content, Description: spec.description };
      PolicyId = (await org.send(new CreatePolicyCommand(input))).Policy?.PolicySummary?.Id;
    }
  } else {
    const current = (await org.send(new DescribePolicyCommand({ PolicyId }))).Policy;
    const contentDiffers = !sameDocument(spec.document, decodeDocument(current?.Content));
    const descriptionDiffers = spec.description !== (current?.PolicySummary?.Description ?? '');
    if (contentDiffers || descriptionDiffers) {
      const update = { PolicyId, Content, Description: spec.description };
      await mutate(ctx, () => org.send(new UpdatePolicyCommand(update)));
      markUpdated(change, contentDiffers ? 'content' : 'description');
    }
  }
  const targets =
    PolicyId === undefined
      ? []
      : await collect(paginateListTargetsForPolicy({ client: org }, { PolicyId }), (p) => p.Targets);
  const attached = new Set(targets.map((t) => t.TargetId));
  for (const target of spec.targets) {
    const TargetId = /^\d{12}$/.test(target) ? target : unitIds.get(target);
    if (TargetId !== undefined && attached.has(TargetId)) continue;
    markUpdated(change, `attached to ${target}`);
    if (PolicyId !== undefined && TargetId !== undefined) {
      const attach = { PolicyId, TargetId };
      await mutate(ctx, () => org.send(new AttachPolicyCommand(attach)));
    }
  }
}
