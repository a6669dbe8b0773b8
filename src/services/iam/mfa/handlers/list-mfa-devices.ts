// iam:ListMFADevices: the devices enabled for a user (or the caller), in serial number order.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { paginate } from '../../pagination.js';
import { MfaDevices } from '../mfa-devices.js';
import { mfaSubject, subjectName } from '../mfa-subject.js';

export function listMfaDevices(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const subject = mfaSubject(iam, call, input.UserName);
  const devices = new MfaDevices(iam.db).listAssignedTo(callerAccount(call), subject.assignee);
  const userName = subjectName(call, subject);
  const page = paginate(devices, input, `ListMFADevices:${userName}`, (d) => d.serialNumber);
  return {
    MFADevices: page.items.map((d) => ({
      UserName: userName,
      SerialNumber: d.serialNumber,
      EnableDate: new Date(d.enabledAt ?? d.createdAt),
    })),
    ...page.meta,
  };
}
