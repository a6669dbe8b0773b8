// iam:ResyncMFADevice: re-synchronizes an enabled device with two consecutive codes, under the same rules as enabling.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { assignedTo, MfaDevices } from '../mfa-devices.js';
import { invalidAuthenticationCode, noSuchDevice } from '../mfa-errors.js';
import { mfaSubject } from '../mfa-subject.js';
import { secondStep } from './enable-mfa-device.js';

export function resyncMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const subject = mfaSubject(iam, call, input.UserName);
  const serialNumber = input.SerialNumber as string;
  const devices = new MfaDevices(iam.db);
  iam.write(() => {
    const device = devices.find(serialNumber);
    if (device === undefined || !assignedTo(device, subject.assignee)) throw noSuchDevice(serialNumber);
    const codes = [input.AuthenticationCode1 as string, input.AuthenticationCode2 as string] as const;
    const second = secondStep(device.seed, codes, call.now);
    // A step already used for sign-in must not be accepted again, or a replayed pair would pass.
    if (second === undefined || !devices.acceptStep(serialNumber, second)) throw invalidAuthenticationCode();
  });
  return {};
}
