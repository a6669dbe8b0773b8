// iam:GetInstanceProfile: one instance profile with its role.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireInstanceProfile } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { instanceProfileOutput } from '../output.js';

export function getInstanceProfile(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const profile = requireInstanceProfile(iam, callerAccount(call), input.InstanceProfileName as string);
  return { InstanceProfile: instanceProfileOutput(iam, profile, 'full') };
}
