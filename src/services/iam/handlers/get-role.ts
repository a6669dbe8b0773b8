// iam:GetRole: one role with its trust policy (URL-encoded, as IAM returns documents), tags and boundary.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireRole } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { roleOutput } from '../output.js';

export function getRole(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  return { Role: roleOutput(iam, requireRole(iam, callerAccount(call), input.RoleName as string), 'full') };
}
