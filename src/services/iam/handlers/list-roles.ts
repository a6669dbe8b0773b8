// iam:ListRoles: the account's roles under a path prefix, a page at a time.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { roleOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';

export function listRoles(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  const roles = iam.roles.list(callerAccount(call)).filter((r) => r.path.startsWith(prefix));
  const page = paginate(roles, input, `ListRoles:${prefix}`, (r) => nameKey(r.name));
  return { Roles: page.items.map((r) => roleOutput(iam, r, 'list')), ...page.meta };
}
