// iam:ListMFADeviceTags: a device's tags in the order they were first added.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { ownDevice } from '../mfa-subject.js';

export function listMfaDeviceTags(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const device = ownDevice(iam, call, input.SerialNumber as string);
  const tags = iam.tags.list('mfa', device.serialNumber);
  const page = paginate(tags, input, `ListMFADeviceTags:${device.serialNumber}`, indexKey);
  return { Tags: page.items, ...page.meta };
}
