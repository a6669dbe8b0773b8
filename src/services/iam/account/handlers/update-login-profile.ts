// iam:UpdateLoginProfile: changes a user's console password and/or whether it must be reset at next sign-in.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { requireUser } from '../../entities.js';
import { noSuchEntity } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import type { UserRecord } from '../../repos/users.js';
import { hashPassword, type LoginProfileRecord, LoginProfiles } from '../login-profiles.js';
import { checkPassword } from './create-login-profile.js';

export function requireLoginProfile(iam: IamContext, user: UserRecord): LoginProfileRecord {
  const profile = new LoginProfiles(iam.db).find(user.id);
  if (profile === undefined) throw noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
  return profile;
}

export function updateLoginProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const user = requireUser(iam, account, input.UserName as string);
  requireLoginProfile(iam, user);
  const password = input.Password as string | undefined;
  if (password !== undefined) checkPassword(iam, account, password);
  const passwordHash = password === undefined ? undefined : hashPassword(password);
  const resetRequired = typeof input.PasswordResetRequired === 'boolean' ? input.PasswordResetRequired : undefined;
  iam.write(() => {
    requireLoginProfile(iam, user);
    new LoginProfiles(iam.db).update(user.id, { passwordHash, resetRequired, now: call.now });
  });
  return {};
}
