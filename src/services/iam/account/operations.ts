// IAM account-level operations (alias, summary, password policy) and users' login profiles: what each must be
// authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext, ServiceOperation, ServiceOperations } from '../../types.js';
import { iamTarget, namedResource } from '../authorization.js';
import { targetUserName } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { type IamHandler, iamOperation } from '../operations/iam-operation.js';
import { createAccountAlias } from './handlers/create-account-alias.js';
import { createLoginProfile } from './handlers/create-login-profile.js';
import { deleteAccountAlias } from './handlers/delete-account-alias.js';
import { deleteAccountPasswordPolicy } from './handlers/delete-account-password-policy.js';
import { deleteLoginProfile } from './handlers/delete-login-profile.js';
import { getAccountPasswordPolicy } from './handlers/get-account-password-policy.js';
import { getAccountSummary } from './handlers/get-account-summary.js';
import { getLoginProfile } from './handlers/get-login-profile.js';
import { listAccountAliases } from './handlers/list-account-aliases.js';
import { updateAccountPasswordPolicy } from './handlers/update-account-password-policy.js';
import { updateLoginProfile } from './handlers/update-login-profile.js';
import { LoginProfiles } from './login-profiles.js';

/** Account-wide actions have no resource type: they are authorized on `*`. */
function onAccount(iam: IamContext, action: string, handle: IamHandler): ServiceOperation {
  return iamOperation(iam, (_i, _input, call) => iamTarget(call, action, { arn: '*' }), handle);
}

/** Login profile actions name the user (the caller when UserName is absent). */
function onUser(iam: IamContext, action: string, handle: IamHandler): ServiceOperation {
  const authorize = (i: IamContext, input: Shaped, call: CallContext) =>
    iamTarget(call, action, namedResource(i, call, 'user', targetUserName(call, input.UserName)));
  return iamOperation(iam, authorize, handle);
}

export function accountOperations(iam: IamContext): ServiceOperations {
  iam.addUserDeletionCheck((user) =>
    new LoginProfiles(iam.db).find(user.id) ? 'Cannot delete entity, must delete login profile first.' : undefined,
  );
  return {
    CreateAccountAlias: onAccount(iam, 'CreateAccountAlias', createAccountAlias),
    DeleteAccountAlias: onAccount(iam, 'DeleteAccountAlias', deleteAccountAlias),
    ListAccountAliases: onAccount(iam, 'ListAccountAliases', listAccountAliases),
    GetAccountSummary: onAccount(iam, 'GetAccountSummary', getAccountSummary),
    GetAccountPasswordPolicy: onAccount(iam, 'GetAccountPasswordPolicy', getAccountPasswordPolicy),
    UpdateAccountPasswordPolicy: onAccount(iam, 'UpdateAccountPasswordPolicy', updateAccountPasswordPolicy),
    DeleteAccountPasswordPolicy: onAccount(iam, 'DeleteAccountPasswordPolicy', deleteAccountPasswordPolicy),
    CreateLoginProfile: onUser(iam, 'CreateLoginProfile', createLoginProfile),
    GetLoginProfile: onUser(iam, 'GetLoginProfile', getLoginProfile),
    UpdateLoginProfile: onUser(iam, 'UpdateLoginProfile', updateLoginProfile),
    DeleteLoginProfile: onUser(iam, 'DeleteLoginProfile', deleteLoginProfile),
  };
}
