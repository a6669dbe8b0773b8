// PutKeyPolicy: replaces the key policy after validating it, unless the new policy would lock the caller out of
// changing it again (the policy lockout safety check, which BypassPolicyLockoutSafetyCheck skips).
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import type { PrincipalIds } from '../../bound-principals.js';
import type { CallContext } from '../../types.js';
import type { KeyHandler, KmsEnv } from '../key-operation.js';
import { compileCustomerKeyPolicy } from '../key-policies.js';
import { callerAccount } from '../key-resolver.js';
import { malformedPolicy } from '../kms-errors.js';

const LOCKOUT = 'The new key policy will not allow you to update the key policy in the future.';

/** A key has one policy, named `default`. */
export function requireDefaultPolicyName(input: Shaped): void {
  if (input.PolicyName !== undefined && input.PolicyName !== 'default') {
    throw new AwsError('NotFoundException', 'No such policy exists');
  }
}

/**
 * Validates a key policy and, unless bypassed, asks the engine whether the caller could still put a policy. Returns
 * the unique ids of the users and roles it names, which the key stores with it.
 */
export function checkNewKeyPolicy(
  env: KmsEnv,
  call: CallContext,
  keyArn: string,
  keyAccount: string,
  text: string,
  bypass: boolean,
): PrincipalIds {
  const { policy, principalIds } = compileCustomerKeyPolicy(text, keyArn, env.deps);
  if (bypass) return principalIds;
  const decision = call.check({
    action: 'kms:PutKeyPolicy',
    resource: keyArn,
    resourceAccount: keyAccount,
    resourcePolicy: policy,
    resourcePolicyRequired: true,
    context: { 'kms:CallerAccount': callerAccount(call) },
  });
  if (decision.decision !== 'Allowed') throw malformedPolicy(LOCKOUT);
  return principalIds;
}

export const putKeyPolicy: KeyHandler = (input, call, { key }, env) => {
  requireDefaultPolicyName(input);
  const text = String(input.Policy);
  const bypass = input.BypassPolicyLockoutSafetyCheck === true;
  const principalIds = checkNewKeyPolicy(env, call, key.arn, key.account, text, bypass);
  env.store.keys.setPolicy(key.id, text, principalIds);
  return {};
};
