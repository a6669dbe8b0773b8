// iam:GetUser: a user by name, or the caller itself; the root user is described by its account.
import type { Shaped } from '../../../protocol/index.js';
import { Accounts } from '../../accounts/accounts.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireUser, targetUserName } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { timestamp, userOutput } from '../output.js';

export function getUser(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  if (input.UserName === undefined && call.caller.kind === 'root') {
    const created = new Accounts(iam.db).find(account)?.createdAt;
    return {
      User: {
        UserId: account,
        Arn: call.caller.principal.arn,
        CreateDate: timestamp(created ? Date.parse(created) : call.now),
      },
    };
  }
  return { User: userOutput(iam, requireUser(iam, account, targetUserName(call, input.UserName)), 'full') };
}
