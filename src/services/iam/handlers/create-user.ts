// iam:CreateUser: a new user with its path, tags and permissions boundary.
import { newUniqueId } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireBoundaryPolicy } from '../entities.js';
import { entityExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { userOutput } from '../output.js';
import { requestTags } from '../tag-input.js';

export function createUser(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.UserName as string;
  const tags = requestTags(input.Tags);
  const boundary = input.PermissionsBoundary as string | undefined;
  if (boundary !== undefined) requireBoundaryPolicy(iam, call, boundary);
  if (iam.users.byName(account, name)) throw entityExists('user', name);
  const id = newUniqueId('AIDA');
  iam.write(() => {
    iam.users.insert({
      id,
      account,
      name,
      path: (input.Path as string | undefined) ?? '/',
      createdAt: call.now,
      permissionsBoundary: boundary,
    });
    iam.tags.put('user', id, tags);
  });
  return { User: userOutput(iam, iam.users.byId(id)!, 'full') };
}
