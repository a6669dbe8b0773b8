// iam:ListGroups: the account's groups under a path prefix, a page at a time.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { groupOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function listGroups(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  const groups = iam.groups.list(callerAccount(call)).filter((g) => g.path.startsWith(prefix));
  const page = paginate(groups, input, `ListGroups:${prefix}`, (g) => nameKey(g.name));
  return { Groups: page.items.map(groupOutput), ...page.meta };
}
