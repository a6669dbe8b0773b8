// Managed policy operations (customer and AWS managed policies, their versions and tags): what each must be
// authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount, iamTarget, listResource, policyResource, tagContext } from '../authorization.js';
import { createPolicy } from '../handlers/create-policy.js';
import { deletePolicy } from '../handlers/delete-policy.js';
import { getPolicy } from '../handlers/get-policy.js';
import { listEntitiesForPolicy } from '../handlers/list-entities-for-policy.js';
import { listPolicies } from '../handlers/list-policies.js';
import {
  createPolicyVersion,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
} from '../handlers/policy-versions.js';
import { listResourceTags, tagResource, untagResource } from '../handlers/resource-tags.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';

function onPolicy(action: string) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(call, action, policyResource(iam, input.PolicyArn as string), tagContext(input));
}

function createPolicyTargets(_iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const name = input.PolicyName as string;
  const arn = entityArn(callerAccount(call), 'policy', (input.Path as string | undefined) ?? '/', name);
  const resource = { arn, display: `policy ${name}` };
  const targets = [iamTarget(call, 'CreatePolicy', resource, tagContext(input))];
  if (Array.isArray(input.Tags) && input.Tags.length > 0) {
    targets.push(iamTarget(call, 'TagPolicy', resource, tagContext(input)));
  }
  return targets;
}

export function policyOperations(iam: IamContext): ServiceOperations {
  return {
    CreatePolicy: iamOperation(iam, createPolicyTargets, createPolicy),
    GetPolicy: iamOperation(iam, onPolicy('GetPolicy'), getPolicy),
    ListPolicies: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListPolicies', listResource(call, 'policy')),
      listPolicies,
    ),
    DeletePolicy: iamOperation(iam, onPolicy('DeletePolicy'), deletePolicy),
    CreatePolicyVersion: iamOperation(iam, onPolicy('CreatePolicyVersion'), createPolicyVersion),
    GetPolicyVersion: iamOperation(iam, onPolicy('GetPolicyVersion'), getPolicyVersion),
    ListPolicyVersions: iamOperation(iam, onPolicy('ListPolicyVersions'), listPolicyVersions),
    DeletePolicyVersion: iamOperation(iam, onPolicy('DeletePolicyVersion'), deletePolicyVersion),
    SetDefaultPolicyVersion: iamOperation(iam, onPolicy('SetDefaultPolicyVersion'), setDefaultPolicyVersion),
    ListEntitiesForPolicy: iamOperation(iam, onPolicy('ListEntitiesForPolicy'), listEntitiesForPolicy),
    TagPolicy: iamOperation(iam, onPolicy('TagPolicy'), tagResource('policy')),
    UntagPolicy: iamOperation(iam, onPolicy('UntagPolicy'), untagResource('policy')),
    ListPolicyTags: iamOperation(iam, onPolicy('ListPolicyTags'), listResourceTags('policy')),
  };
}
