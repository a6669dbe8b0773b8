// iam:TagMFADevice: adds tags to a virtual device, replacing the values of keys it already has.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { ownDevice } from '../mfa-subject.js';

export function tagMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const tags = requestTags(input.Tags);
  iam.write(() => {
    const device = ownDevice(iam, call, input.SerialNumber as string);
    checkTagQuota(iam, 'mfa', device.serialNumber, tags);
    iam.tags.put('mfa', device.serialNumber, tags);
  });
  return {};
}
