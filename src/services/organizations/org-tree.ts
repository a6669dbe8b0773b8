// The shape of an organization's tree: a parent's chain up to the root, paths as `aws:PrincipalOrgPaths` spells
// them, and what a root, OU or account id names inside one organization.
import { accountArn, kindOfId, ouArn, rootArn } from './org-ids.js';
import type { OrgStore } from './store/org-store.js';
import type { OrganizationRecord } from './store/records.js';

/** OUs nest at most five levels under the root. */
export const MAX_OU_DEPTH = 5;

export type ParentType = 'ROOT' | 'ORGANIZATIONAL_UNIT';
export type TargetType = ParentType | 'ACCOUNT';

export interface TreeNode {
  readonly id: string;
  readonly type: TargetType;
  readonly name: string;
  readonly arn: string;
}

/**
 * The ids from the root down to `parentId` (a root or an OU), root first.
 * INVARIANT: every OU's parent chain ends at its organization's root.
 */
export function chainTo(store: OrgStore, parentId: string): string[] {
  const chain: string[] = [];
  let id: string | undefined = parentId;
  while (id !== undefined) {
    chain.push(id);
    id = id.startsWith('ou-') ? store.units.byId(id)?.parentId : undefined;
  }
  return chain.reverse();
}

/** `o-x/r-x/ou-a/.../` down to and including `parentId`, and `leaf` when given. */
export function pathTo(store: OrgStore, org: OrganizationRecord, parentId: string, leaf?: string): string {
  const ids = chainTo(store, parentId);
  if (leaf !== undefined) ids.push(leaf);
  return `${org.id}/${ids.join('/')}/`;
}

/** A root or OU of this organization. */
export function findParent(store: OrgStore, org: OrganizationRecord, id: string): TreeNode | undefined {
  const node = findNode(store, org, id);
  return node?.type === 'ACCOUNT' ? undefined : node;
}

/** A root, OU or account of this organization, as a policy target. */
export function findNode(store: OrgStore, org: OrganizationRecord, id: string): TreeNode | undefined {
  switch (kindOfId(id)) {
    case 'root':
      return id === org.rootId ? { id, type: 'ROOT', name: 'Root', arn: rootArn(org, id) } : undefined;
    case 'ou': {
      const unit = store.units.byId(id);
      return unit?.organizationId === org.id
        ? { id, type: 'ORGANIZATIONAL_UNIT', name: unit.name, arn: ouArn(org, id) }
        : undefined;
    }
    case 'account': {
      const member = store.members.byId(id);
      return member?.organizationId === org.id
        ? { id, type: 'ACCOUNT', name: member.name, arn: accountArn(org, id) }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Every root, OU and account of the organization. */
export function allNodeIds(store: OrgStore, org: OrganizationRecord): string[] {
  return [
    org.rootId,
    ...store.units.inOrganization(org.id).map((u) => u.id),
    ...store.members.inOrganization(org.id).map((m) => m.id),
  ];
}
