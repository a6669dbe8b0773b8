// iam:GetMFADevice: one device enabled for a user (or the caller).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { assignedTo, MfaDevices } from '../mfa-devices.js';
import { noSuchDevice } from '../mfa-errors.js';
import { mfaSubject, subjectName } from '../mfa-subject.js';

export function getMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const subject = mfaSubject(iam, call, input.UserName);
  const serialNumber = input.SerialNumber as string;
  const device = new MfaDevices(iam.db).find(serialNumber);
  if (device === undefined || !assignedTo(device, subject.assignee)) throw noSuchDevice(serialNumber);
  return {
    UserName: subjectName(call, subject),
    SerialNumber: device.serialNumber,
    EnableDate: new Date(device.enabledAt ?? device.createdAt),
  };
}
