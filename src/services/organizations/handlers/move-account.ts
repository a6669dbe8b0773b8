// MoveAccount: an account moves from its parent to another root or OU of the same organization.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { findParent } from '../org-tree.js';

export function moveAccount(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const member = env.store.members.byId(input.AccountId as string);
  if (member?.organizationId !== org.id) throw orgError('AccountNotFoundException');
  const source = findParent(env.store, org, input.SourceParentId as string);
  if (source === undefined) throw orgError('SourceParentNotFoundException');
  const destination = findParent(env.store, org, input.DestinationParentId as string);
  if (destination === undefined) throw orgError('DestinationParentNotFoundException');
  if (member.parentId !== source.id) throw orgError('AccountNotFoundException');
  if (destination.id === source.id) throw orgError('DuplicateAccountException');
  env.store.write(() => env.store.members.move(member.id, destination.id));
  return {};
}
