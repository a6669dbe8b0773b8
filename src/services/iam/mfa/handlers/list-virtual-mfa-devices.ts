// iam:ListVirtualMFADevices: the account's virtual devices, filtered by assignment, with the user of assigned ones.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { paginate } from '../../pagination.js';
import { isAssigned, type MfaDeviceRecord, MfaDevices } from '../mfa-devices.js';

export function listVirtualMfaDevices(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const status = typeof input.AssignmentStatus === 'string' ? input.AssignmentStatus : 'Any';
  const devices = new MfaDevices(iam.db)
    .listForAccount(callerAccount(call))
    .filter((d) => status === 'Any' || (status === 'Assigned') === isAssigned(d));
  const page = paginate(devices, input, `ListVirtualMFADevices:${status}`, (d) => d.serialNumber);
  return { VirtualMFADevices: page.items.map((d) => entry(iam, d)), ...page.meta };
}

function entry(iam: IamContext, device: MfaDeviceRecord): Shaped {
  const out: Shaped = { SerialNumber: device.serialNumber };
  if (device.enabledAt !== undefined) out.EnableDate = new Date(device.enabledAt);
  const user = device.userId === undefined ? undefined : iam.users.byId(device.userId);
  if (user) {
    out.User = {
      Path: user.path,
      UserName: user.name,
      UserId: user.id,
      Arn: user.arn,
      CreateDate: new Date(user.createdAt),
    };
  } else if (device.assignedRoot && device.enabledAt !== undefined) {
    const arn = `arn:aws:iam::${device.account}:root`;
    out.User = { Arn: arn, UserId: device.account, CreateDate: new Date(device.enabledAt) };
  }
  const tags = iam.tags.list('mfa', device.serialNumber);
  if (tags.length > 0) out.Tags = tags;
  return out;
}
