// iam:UpdateAssumeRolePolicy: replaces a role's trust policy, checked like CreateRole checks it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireRole } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { checkTrustPolicy } from '../policy-documents.js';

export function updateAssumeRolePolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const role = requireRole(iam, callerAccount(call), input.RoleName as string);
  const document = input.PolicyDocument as string;
  const principalIds = checkTrustPolicy(iam, document);
  iam.write(() => iam.roles.setTrustPolicy(role.id, document, principalIds));
  return {};
}
