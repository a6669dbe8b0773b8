// iam:CreateGroup: a new group under a path.
import { newUniqueId } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { entityExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { groupOutput } from '../output.js';

export function createGroup(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.GroupName as string;
  if (iam.groups.byName(account, name)) throw entityExists('group', name);
  const id = newUniqueId('AGPA');
  const path = (input.Path as string | undefined) ?? '/';
  iam.write(() => iam.groups.insert({ id, account, name, path, createdAt: call.now }));
  return { Group: groupOutput(iam.groups.byName(account, name)!) };
}
