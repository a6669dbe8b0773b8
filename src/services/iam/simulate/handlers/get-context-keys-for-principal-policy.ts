// iam:GetContextKeysForPrincipalPolicy: the condition keys a user's, group's or role's policies (and any given ones)
// read.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { contextKeysOf } from '../context-keys.js';
import { principalSource } from '../simulated-principal.js';
import { inputPolicies } from '../simulation-policies.js';

export function getContextKeysForPrincipalPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const source = principalSource(iam, call, input.PolicySourceArn as string);
  const extra = inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity');
  return { ContextKeyNames: contextKeysOf([...source.identity, ...extra]) };
}
