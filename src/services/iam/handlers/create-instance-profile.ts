// iam:CreateInstanceProfile: a new, empty instance profile.
import { newUniqueId } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { entityExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { instanceProfileOutput } from '../output.js';
import { requestTags } from '../tag-input.js';

export function createInstanceProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.InstanceProfileName as string;
  const tags = requestTags(input.Tags);
  if (iam.instanceProfiles.byName(account, name)) throw entityExists('instance-profile', name);
  const id = newUniqueId('AIPA');
  iam.write(() => {
    const path = (input.Path as string | undefined) ?? '/';
    iam.instanceProfiles.insert({ id, account, name, path, createdAt: call.now });
    iam.tags.put('instance-profile', id, tags);
  });
  return { InstanceProfile: instanceProfileOutput(iam, iam.instanceProfiles.byName(account, name)!, 'full') };
}
