// sts:GetCallerIdentity needs no permission: it answers who signed the request, even when policies deny everything.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';

export function getCallerIdentity(_input: Shaped, call: CallContext): Shaped {
  const { caller } = call;
  return { UserId: caller.userId, Account: caller.account, Arn: caller.principal.arn };
}
