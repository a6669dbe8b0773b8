// IAM group operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount, iamTarget, listResource, namedResource } from '../authorization.js';
import { addUserToGroup } from '../handlers/add-user-to-group.js';
import { createGroup } from '../handlers/create-group.js';
import { deleteGroup } from '../handlers/delete-group.js';
import { getGroup } from '../handlers/get-group.js';
import { listGroups } from '../handlers/list-groups.js';
import { listGroupsForUser } from '../handlers/list-groups-for-user.js';
import { removeUserFromGroup } from '../handlers/remove-user-from-group.js';
import { updateGroup } from '../handlers/update-group.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';
import { onUser } from './users.js';

export function onGroup(action: string) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(call, action, namedResource(iam, call, 'group', input.GroupName as string));
}

function createGroupTarget(_iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget {
  const path = (input.Path as string | undefined) ?? '/';
  return iamTarget(call, 'CreateGroup', {
    arn: entityArn(callerAccount(call), 'group', path, input.GroupName as string),
  });
}

function updateGroupTargets(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const targets = [onGroup('UpdateGroup')(iam, input, call)];
  if (input.NewGroupName !== undefined || input.NewPath !== undefined) {
    const group = iam.groups.byName(callerAccount(call), input.GroupName as string);
    const path = (input.NewPath as string | undefined) ?? group?.path ?? '/';
    const name = (input.NewGroupName as string | undefined) ?? group?.name ?? (input.GroupName as string);
    targets.push(iamTarget(call, 'UpdateGroup', { arn: entityArn(callerAccount(call), 'group', path, name) }));
  }
  return targets;
}

export function groupOperations(iam: IamContext): ServiceOperations {
  return {
    CreateGroup: iamOperation(iam, createGroupTarget, createGroup),
    GetGroup: iamOperation(iam, onGroup('GetGroup'), getGroup),
    ListGroups: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListGroups', listResource(call, 'group')),
      listGroups,
    ),
    UpdateGroup: iamOperation(iam, updateGroupTargets, updateGroup),
    DeleteGroup: iamOperation(iam, onGroup('DeleteGroup'), deleteGroup),
    AddUserToGroup: iamOperation(iam, onGroup('AddUserToGroup'), addUserToGroup),
    RemoveUserFromGroup: iamOperation(iam, onGroup('RemoveUserFromGroup'), removeUserFromGroup),
    ListGroupsForUser: iamOperation(iam, onUser('ListGroupsForUser'), listGroupsForUser),
  };
}
