// iam:SimulatePrincipalPolicy: evaluates a user's, group's or role's own policies (plus any given ones) for a list
// of actions and resources.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { contextOf } from '../context-entries.js';
import { runSimulation } from '../run-simulation.js';
import {
  callerArnPrincipal,
  inputBoundary,
  organizationScps,
  principalSource,
  resourceOwnerAccount,
} from '../simulated-principal.js';
import { inputPolicies } from '../simulation-policies.js';

export function simulatePrincipalPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const source = principalSource(iam, call, input.PolicySourceArn as string);
  const principal = callerArnPrincipal(input.CallerArn) ?? source.principal;
  const results = runSimulation({
    principal,
    identity: [...source.identity, ...inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity')],
    boundary: inputBoundary(input.PermissionsBoundaryPolicyInputList) ?? source.boundary,
    resourcePolicy: input.ResourcePolicy as string | undefined,
    resourceOwner: resourceOwnerAccount(input.ResourceOwner),
    actions: input.ActionNames as string[],
    resources: (input.ResourceArns as string[] | undefined) ?? ['*'],
    context: contextOf(input.ContextEntries),
    scp: organizationScps(call, principal.account),
  });
  const page = paginate(results, input, `SimulatePrincipalPolicy:${input.PolicySourceArn}`, indexKey);
  return { EvaluationResults: page.items, ...page.meta };
}
