// IAM policy simulation operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext, ServiceOperations } from '../../types.js';
import { iamTarget } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from '../operations/iam-operation.js';
import { getContextKeysForCustomPolicy } from './handlers/get-context-keys-for-custom-policy.js';
import { getContextKeysForPrincipalPolicy } from './handlers/get-context-keys-for-principal-policy.js';
import { simulateCustomPolicy } from './handlers/simulate-custom-policy.js';
import { simulatePrincipalPolicy } from './handlers/simulate-principal-policy.js';

/** The custom variants name no resource; the principal variants name the simulated user, group or role. */
const onAccount = (action: string) => (_iam: IamContext, _input: Shaped, call: CallContext) =>
  iamTarget(call, action, { arn: '*' });
const onSource = (action: string) => (_iam: IamContext, input: Shaped, call: CallContext) =>
  iamTarget(call, action, { arn: input.PolicySourceArn as string });

export function simulationOperations(iam: IamContext): ServiceOperations {
  return {
    SimulateCustomPolicy: iamOperation(iam, onAccount('SimulateCustomPolicy'), simulateCustomPolicy),
    SimulatePrincipalPolicy: iamOperation(iam, onSource('SimulatePrincipalPolicy'), simulatePrincipalPolicy),
    GetContextKeysForCustomPolicy: iamOperation(
      iam,
      onAccount('GetContextKeysForCustomPolicy'),
      getContextKeysForCustomPolicy,
    ),
    GetContextKeysForPrincipalPolicy: iamOperation(
      iam,
      onSource('GetContextKeysForPrincipalPolicy'),
      getContextKeysForPrincipalPolicy,
    ),
  };
}
