// iam:EnableMFADevice: assigns a virtual device to a user after two consecutive codes prove the user holds its secret.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { limitExceeded } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { isAssigned, MfaDevices } from '../mfa-devices.js';
import { invalidAuthenticationCode } from '../mfa-errors.js';
import { mfaSubject, ownDevice } from '../mfa-subject.js';
import { base32Decode, timeStep, totpCode } from '../totp.js';

/** IAM quota: MFA devices in use per user. */
const DEVICES_PER_USER = 8;

export function enableMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const subject = mfaSubject(iam, call, input.UserName);
  const serialNumber = input.SerialNumber as string;
  const devices = new MfaDevices(iam.db);
  iam.write(() => {
    const device = ownDevice(iam, call, serialNumber);
    if (isAssigned(device)) throw new AwsError('EntityAlreadyExists', 'MFA Device is already in use.', { status: 409 });
    if (devices.listAssignedTo(device.account, subject.assignee).length >= DEVICES_PER_USER) {
      throw limitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${DEVICES_PER_USER}`);
    }
    const codes = [input.AuthenticationCode1 as string, input.AuthenticationCode2 as string] as const;
    const second = secondStep(device.seed, codes, call.now);
    if (second === undefined) throw invalidAuthenticationCode();
    devices.assign(serialNumber, subject.assignee, call.now, second);
  });
  return {};
}

/**
 * The step of the second code when the codes are those of two consecutive steps and the second lies within one step
 * of now (the tolerance sign-in has too); that step counts as used, so neither code can sign in afterwards.
 */
export function secondStep(seed: string, codes: readonly [string, string], now: number): number | undefined {
  const secret = base32Decode(seed);
  const current = timeStep(now);
  let found: number | undefined;
  for (const step of [current - 1, current, current + 1]) {
    const matches = totpCode(secret, step - 1) === codes[0] && totpCode(secret, step) === codes[1];
    if (matches && found === undefined) found = step;
  }
  return found;
}
