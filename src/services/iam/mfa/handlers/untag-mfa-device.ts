// iam:UntagMFADevice: removes tags by key (keys compare ignoring case); absent keys are not an error.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownDevice } from '../mfa-subject.js';

export function untagMfaDevice(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  iam.write(() => {
    const device = ownDevice(iam, call, input.SerialNumber as string);
    iam.tags.remove('mfa', device.serialNumber, input.TagKeys as string[]);
  });
  return {};
}
