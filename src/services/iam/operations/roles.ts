// IAM role operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount, iamTarget, listResource, namedResource, tagContext } from '../authorization.js';
import { createRole } from '../handlers/create-role.js';
import { deleteRole } from '../handlers/delete-role.js';
import { getRole } from '../handlers/get-role.js';
import { listRoles } from '../handlers/list-roles.js';
import { listResourceTags, tagResource, untagResource } from '../handlers/resource-tags.js';
import { updateAssumeRolePolicy } from '../handlers/update-assume-role-policy.js';
import { updateRole, updateRoleDescription } from '../handlers/update-role.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';

export function onRole(action: string) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(call, action, namedResource(iam, call, 'role', input.RoleName as string), tagContext(input));
}

function createRoleTargets(_iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const arn = entityArn(
    callerAccount(call),
    'role',
    (input.Path as string | undefined) ?? '/',
    input.RoleName as string,
  );
  const boundary = input.PermissionsBoundary as string | undefined;
  const tags = tagContext(input);
  const context = boundary === undefined ? tags : { ...tags, 'iam:PermissionsBoundary': boundary };
  const targets = [iamTarget(call, 'CreateRole', { arn }, context)];
  if (Array.isArray(input.Tags) && input.Tags.length > 0) targets.push(iamTarget(call, 'TagRole', { arn }, tags));
  return targets;
}

export function roleOperations(iam: IamContext): ServiceOperations {
  return {
    CreateRole: iamOperation(iam, createRoleTargets, createRole),
    GetRole: iamOperation(iam, onRole('GetRole'), getRole),
    ListRoles: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListRoles', listResource(call, 'role')),
      listRoles,
    ),
    UpdateRole: iamOperation(iam, onRole('UpdateRole'), updateRole),
    UpdateRoleDescription: iamOperation(iam, onRole('UpdateRoleDescription'), updateRoleDescription),
    UpdateAssumeRolePolicy: iamOperation(iam, onRole('UpdateAssumeRolePolicy'), updateAssumeRolePolicy),
    DeleteRole: iamOperation(iam, onRole('DeleteRole'), deleteRole),
    TagRole: iamOperation(iam, onRole('TagRole'), tagResource('role')),
    UntagRole: iamOperation(iam, onRole('UntagRole'), untagResource('role')),
    ListRoleTags: iamOperation(iam, onRole('ListRoleTags'), listResourceTags('role')),
  };
}
