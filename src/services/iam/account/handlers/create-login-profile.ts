// iam:CreateLoginProfile: gives a user a console password, checked against the account's password policy.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import { requireUser, targetUserName } from '../../entities.js';
import { validationError } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { hashPassword, LoginProfiles } from '../login-profiles.js';
import { PasswordPolicies, passwordViolation } from '../password-policies.js';

export function checkPassword(iam: IamContext, account: string, password: string): void {
  const violation = passwordViolation(new PasswordPolicies(iam.db).find(account), password);
  if (violation !== undefined) throw new AwsError('PasswordPolicyViolation', violation, { status: 400 });
}

export function createLoginProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const user = requireUser(iam, account, targetUserName(call, input.UserName));
  const password = input.Password;
  if (typeof password !== 'string') {
    throw validationError(
      "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
    );
  }
  checkPassword(iam, account, password);
  const resetRequired = input.PasswordResetRequired === true;
  const hash = hashPassword(password);
  iam.write(() => {
    if (!new LoginProfiles(iam.db).create(user.id, hash, resetRequired, call.now)) {
      throw new AwsError('EntityAlreadyExists', `Login Profile for user ${user.name} already exists.`, { status: 409 });
    }
  });
  return {
    LoginProfile: { UserName: user.name, CreateDate: new Date(call.now), PasswordResetRequired: resetRequired },
  };
}
