// iam:GetLoginProfile: whether a user has a console password, and since when (never the password).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { requireUser, targetUserName } from '../../entities.js';
import type { IamContext } from '../../iam-context.js';
import { requireLoginProfile } from './update-login-profile.js';

export function getLoginProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const user = requireUser(iam, callerAccount(call), targetUserName(call, input.UserName));
  const profile = requireLoginProfile(iam, user);
  return {
    LoginProfile: {
      UserName: user.name,
      CreateDate: new Date(profile.createdAt),
      PasswordResetRequired: profile.resetRequired,
    },
  };
}
