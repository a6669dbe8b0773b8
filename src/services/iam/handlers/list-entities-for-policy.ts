// iam:ListEntitiesForPolicy: the users, groups and roles of the account a managed policy is attached to (or that
// use it as their permissions boundary).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requirePolicy } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { nameKey, paginate } from '../pagination.js';

interface Entity {
  readonly type: 'User' | 'Group' | 'Role';
  readonly name: string;
  readonly id: string;
  readonly path: string;
}

export function listEntitiesForPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const arn = input.PolicyArn as string;
  requirePolicy(iam, account, arn);
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  const holders = input.PolicyUsageFilter === 'PermissionsBoundary' ? boundaryHolders : attachedHolders;
  const entities = holders(iam, account, arn)
    .filter((e) => e.path.startsWith(prefix) && matchesFilter(e, input.EntityFilter))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = paginate(entities, input, `ListEntitiesForPolicy:${arn}`, key);
  const of = (type: Entity['type']) => page.items.filter((e) => e.type === type);
  return {
    PolicyGroups: of('Group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
    PolicyUsers: of('User').map((e) => ({ UserName: e.name, UserId: e.id })),
    PolicyRoles: of('Role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
    ...page.meta,
  };
}

/** `User`, `Group` and `Role` narrow the list; the policy-type filters name no entity and narrow nothing. */
function matchesFilter(e: Entity, filter: unknown): boolean {
  return filter !== 'User' && filter !== 'Group' && filter !== 'Role' ? true : e.type === filter;
}

function key(e: Entity): string {
  return `${e.type}\u0000${nameKey(e.name)}`;
}

function attachedHolders(iam: IamContext, account: string, arn: string): Entity[] {
  return iam.attachments.holdersOf(account, arn).flatMap((h): Entity[] => {
    const entity =
      h.holderType === 'user'
        ? iam.users.byId(h.holderId)
        : h.holderType === 'role'
          ? iam.roles.byId(h.holderId)
          : iam.groups.byId(h.holderId);
    if (!entity) return [];
    const type = h.holderType === 'user' ? 'User' : h.holderType === 'role' ? 'Role' : 'Group';
    return [{ type, name: entity.name, id: entity.id, path: entity.path }];
  });
}

function boundaryHolders(iam: IamContext, account: string, arn: string): Entity[] {
  const users = iam.users.list(account).filter((u) => u.permissionsBoundary === arn);
  const roles = iam.roles.list(account).filter((r) => r.permissionsBoundary === arn);
  return [
    ...users.map((u): Entity => ({ type: 'User', name: u.name, id: u.id, path: u.path })),
    ...roles.map((r): Entity => ({ type: 'Role', name: r.name, id: r.id, path: r.path })),
  ];
}
