// iam:GetContextKeysForCustomPolicy: the condition keys the given policies read, to know what to simulate with.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { contextKeysOf } from '../context-keys.js';
import { inputPolicies } from '../simulation-policies.js';

export function getContextKeysForCustomPolicy(_iam: IamContext, input: Shaped, _call: CallContext): Shaped {
  return { ContextKeyNames: contextKeysOf(inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity')) };
}
