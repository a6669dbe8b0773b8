// iam:UpdateGroup: renames a group or moves it to another path.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup } from '../entities.js';
import { entityExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';

export function updateGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const group = requireGroup(iam, account, input.GroupName as string);
  const name = (input.NewGroupName as string | undefined) ?? group.name;
  const path = (input.NewPath as string | undefined) ?? group.path;
  const holder = iam.groups.byName(account, name);
  if (holder && holder.id !== group.id) throw entityExists('group', name);
  iam.write(() => iam.groups.rename(group.id, name, path));
  return {};
}
