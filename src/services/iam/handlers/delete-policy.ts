// iam:DeletePolicy: a customer managed policy that is attached nowhere and has only its default version left.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { deleteConflict } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { requireCustomerPolicy } from './policy-versions.js';

export function deletePolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const policy = requireCustomerPolicy(iam, account, input.PolicyArn as string);
  const boundaryUses = iam.users.boundaryUsage(account, policy.arn) + iam.roles.boundaryUsage(account, policy.arn);
  if (iam.attachments.count(account, policy.arn) > 0 || boundaryUses > 0) {
    throw deleteConflict('Cannot delete a policy attached to entities.');
  }
  if (iam.managedPolicies.versions(policy.id).length > 1) {
    throw deleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. " +
        'The default version is deleted with the policy.',
    );
  }
  iam.write(() => {
    iam.tags.removeAll('policy', policy.id);
    iam.managedPolicies.delete(policy.id);
  });
  return {};
}
