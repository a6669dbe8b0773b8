// iam:DeleteLoginProfile: takes away a user's console password.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { requireUser, targetUserName } from '../../entities.js';
import type { IamContext } from '../../iam-context.js';
import { LoginProfiles } from '../login-profiles.js';
import { requireLoginProfile } from './update-login-profile.js';

export function deleteLoginProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const user = requireUser(iam, callerAccount(call), targetUserName(call, input.UserName));
  iam.write(() => {
    requireLoginProfile(iam, user);
    new LoginProfiles(iam.db).delete(user.id);
  });
  return {};
}
