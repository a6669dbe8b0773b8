// iam:DeactivateMFADevice: unassigns a device from its user; a virtual device stays and can be deleted or reassigned.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { assignedTo, MfaDevices } from '../mfa-devices.js';
import { noSuchDevice } from '../mfa-errors.js';
import { mfaSubject } from '../mfa-subject.js';

export function deactivateMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const subject = mfaSubject(iam, call, input.UserName);
  const serialNumber = input.SerialNumber as string;
  const devices = new MfaDevices(iam.db);
  iam.write(() => {
    const device = devices.find(serialNumber);
    if (device === undefined || !assignedTo(device, subject.assignee)) throw noSuchDevice(serialNumber);
    devices.unassign(serialNumber);
  });
  return {};
}
