// IAM access key operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { callerAccount, iamTarget, namedResource } from '../authorization.js';
import {
  createAccessKey,
  deleteAccessKey,
  getAccessKeyLastUsed,
  listAccessKeys,
  updateAccessKey,
} from '../handlers/access-keys.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';
import { onUser } from './users.js';

/** ListAccessKeys by root without UserName reads root's own keys, which needs no IAM permission. */
function listTarget(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget | [] {
  if (input.UserName === undefined && call.caller.kind === 'root') return [];
  return onUser('ListAccessKeys', true)(iam, input, call);
}

/** The key's owner is the resource; an unknown key is checked against every user of the account. */
function lastUsedTarget(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget {
  const key = iam.accessKeys.byId(input.AccessKeyId as string);
  const owner = key && key.account === callerAccount(call) ? iam.users.byId(key.userId) : undefined;
  if (!owner) return iamTarget(call, 'GetAccessKeyLastUsed', { arn: `arn:aws:iam::${callerAccount(call)}:user/*` });
  return iamTarget(call, 'GetAccessKeyLastUsed', namedResource(iam, call, 'user', owner.name));
}

export function accessKeyOperations(iam: IamContext): ServiceOperations {
  return {
    CreateAccessKey: iamOperation(iam, onUser('CreateAccessKey', true), createAccessKey),
    ListAccessKeys: iamOperation(iam, listTarget, listAccessKeys),
    UpdateAccessKey: iamOperation(iam, onUser('UpdateAccessKey', true), updateAccessKey),
    DeleteAccessKey: iamOperation(iam, onUser('DeleteAccessKey', true), deleteAccessKey),
    GetAccessKeyLastUsed: iamOperation(iam, lastUsedTarget, getAccessKeyLastUsed),
  };
}
