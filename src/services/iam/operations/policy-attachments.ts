// Operations that give users, groups and roles their policies: managed policy attachments, inline policies and
// permissions boundaries. What each must be authorized for and which handler serves it.
import type { ContextInput } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation, ServiceOperations } from '../../types.js';
import { iamTarget, namedResource } from '../authorization.js';
import { attachPolicy, detachPolicy, listAttachedPolicies } from '../handlers/attached-policies.js';
import {
  deleteInlinePolicy,
  getInlinePolicy,
  listInlinePolicies,
  putInlinePolicy,
} from '../handlers/inline-policies.js';
import { deletePermissionsBoundary, putPermissionsBoundary } from '../handlers/permissions-boundaries.js';
import { HOLDER_NAME_MEMBER } from '../handlers/policy-holders.js';
import type { IamContext } from '../iam-context.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';
import { type IamHandler, iamOperation } from './iam-operation.js';

const NOUN: Readonly<Record<PolicyHolderType, string>> = { user: 'User', group: 'Group', role: 'Role' };

function onHolder(type: PolicyHolderType, action: string, context: (input: Shaped) => ContextInput = () => ({})) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(call, action, namedResource(iam, call, type, input[HOLDER_NAME_MEMBER[type]] as string), context(input));
}

const policyArnKey = (input: Shaped): ContextInput => ({ 'iam:PolicyARN': input.PolicyArn as string });
const boundaryKey = (input: Shaped): ContextInput => ({
  'iam:PermissionsBoundary': input.PermissionsBoundary as string,
});

function holderOperations(iam: IamContext, type: PolicyHolderType): Record<string, ServiceOperation> {
  const noun = NOUN[type];
  const op = (action: string, handler: IamHandler, context?: (input: Shaped) => ContextInput) =>
    iamOperation(iam, onHolder(type, action, context), handler);
  return {
    [`Attach${noun}Policy`]: op(`Attach${noun}Policy`, attachPolicy(type), policyArnKey),
    [`Detach${noun}Policy`]: op(`Detach${noun}Policy`, detachPolicy(type), policyArnKey),
    [`ListAttached${noun}Policies`]: op(`ListAttached${noun}Policies`, listAttachedPolicies(type)),
    [`Put${noun}Policy`]: op(`Put${noun}Policy`, putInlinePolicy(type)),
    [`Get${noun}Policy`]: op(`Get${noun}Policy`, getInlinePolicy(type)),
    [`List${noun}Policies`]: op(`List${noun}Policies`, listInlinePolicies(type)),
    [`Delete${noun}Policy`]: op(`Delete${noun}Policy`, deleteInlinePolicy(type)),
  };
}

function boundaryOperations(iam: IamContext, type: 'user' | 'role'): Record<string, ServiceOperation> {
  const noun = NOUN[type];
  return {
    [`Put${noun}PermissionsBoundary`]: iamOperation(
      iam,
      onHolder(type, `Put${noun}PermissionsBoundary`, boundaryKey),
      putPermissionsBoundary(type),
    ),
    [`Delete${noun}PermissionsBoundary`]: iamOperation(
      iam,
      onHolder(type, `Delete${noun}PermissionsBoundary`),
      deletePermissionsBoundary(type),
    ),
  };
}

export function policyAttachmentOperations(iam: IamContext): ServiceOperations {
  return {
    ...holderOperations(iam, 'user'),
    ...holderOperations(iam, 'group'),
    ...holderOperations(iam, 'role'),
    ...boundaryOperations(iam, 'user'),
    ...boundaryOperations(iam, 'role'),
  };
}
