// iam:SimulateCustomPolicy: evaluates the given identity policies (and optional boundary and resource policy) for
// a list of actions and resources, without touching any stored identity.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { contextOf } from '../context-entries.js';
import { runSimulation } from '../run-simulation.js';
import {
  callerArnPrincipal,
  callerPrincipal,
  inputBoundary,
  organizationScps,
  resourceOwnerAccount,
} from '../simulated-principal.js';
import { inputPolicies } from '../simulation-policies.js';

export function simulateCustomPolicy(_iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const principal = callerArnPrincipal(input.CallerArn) ?? callerPrincipal(call);
  const results = runSimulation({
    principal,
    identity: inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity'),
    boundary: inputBoundary(input.PermissionsBoundaryPolicyInputList),
    resourcePolicy: input.ResourcePolicy as string | undefined,
    resourceOwner: resourceOwnerAccount(input.ResourceOwner),
    actions: input.ActionNames as string[],
    resources: (input.ResourceArns as string[] | undefined) ?? ['*'],
    context: contextOf(input.ContextEntries),
    scp: organizationScps(call, principal.account),
  });
  const page = paginate(results, input, 'SimulateCustomPolicy', indexKey);
  return { EvaluationResults: page.items, ...page.meta };
}
