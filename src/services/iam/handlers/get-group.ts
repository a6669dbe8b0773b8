// iam:GetGroup: the group and a page of its members.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { groupOutput, userOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function getGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const group = requireGroup(iam, callerAccount(call), input.GroupName as string);
  const members = iam.groups
    .memberIds(group.id)
    .flatMap((id) => iam.users.byId(id) ?? [])
    .sort((a, b) => (nameKey(a.name) < nameKey(b.name) ? -1 : 1));
  const page = paginate(members, input, `GetGroup:${group.id}`, (u) => nameKey(u.name));
  return { Group: groupOutput(group), Users: page.items.map((u) => userOutput(iam, u, 'list')), ...page.meta };
}
