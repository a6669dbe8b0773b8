// The user, group or role a policy operation names (`UserName`, `GroupName`, `RoleName`), which must exist.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireGroup, requireRole, requireUser } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';

export interface PolicyHolder {
  readonly type: PolicyHolderType;
  readonly id: string;
  readonly name: string;
}

/** The input member naming the holder, and how outputs echo it. */
export const HOLDER_NAME_MEMBER: Readonly<Record<PolicyHolderType, string>> = {
  user: 'UserName',
  group: 'GroupName',
  role: 'RoleName',
};

export function requireHolder(iam: IamContext, type: PolicyHolderType, input: Shaped, call: CallContext): PolicyHolder {
  const account = callerAccount(call);
  const name = input[HOLDER_NAME_MEMBER[type]] as string;
  const entity =
    type === 'user'
      ? requireUser(iam, account, name)
      : type === 'group'
        ? requireGroup(iam, account, name)
        : requireRole(iam, account, name);
  return { type, id: entity.id, name: entity.name };
}
