// iam:DeleteVirtualMFADevice: removes an unassigned virtual device and its tags.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { deleteConflict } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { isAssigned, MfaDevices } from '../mfa-devices.js';
import { ownDevice } from '../mfa-subject.js';

export function deleteVirtualMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const serialNumber = input.SerialNumber as string;
  iam.write(() => {
    if (isAssigned(ownDevice(iam, call, serialNumber))) {
      throw deleteConflict(`MFA device ${serialNumber} is in use. Deactivate it before deleting it.`);
    }
    new MfaDevices(iam.db).delete(serialNumber);
    iam.tags.removeAll('mfa', serialNumber);
  });
  return {};
}
