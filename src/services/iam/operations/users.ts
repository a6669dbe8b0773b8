// IAM user operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount, iamTarget, listResource, namedResource, tagContext } from '../authorization.js';
import { targetUserName } from '../entities.js';
import { createUser } from '../handlers/create-user.js';
import { deleteUser } from '../handlers/delete-user.js';
import { getUser } from '../handlers/get-user.js';
import { listUsers } from '../handlers/list-users.js';
import { listResourceTags, tagResource, untagResource } from '../handlers/resource-tags.js';
import { updateUser } from '../handlers/update-user.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';

/** The target of an operation on one user, named by `UserName` (or the calling user when it may be omitted). */
export function onUser(action: string, selfAllowed = false) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(
      call,
      action,
      namedResource(iam, call, 'user', selfAllowed ? targetUserName(call, input.UserName) : (input.UserName as string)),
      tagContext(input),
    );
}

function createUserTargets(_iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const arn = entityArn(
    callerAccount(call),
    'user',
    (input.Path as string | undefined) ?? '/',
    input.UserName as string,
  );
  const boundary = input.PermissionsBoundary as string | undefined;
  const tags = tagContext(input);
  const context = boundary === undefined ? tags : { ...tags, 'iam:PermissionsBoundary': boundary };
  const targets = [iamTarget(call, 'CreateUser', { arn }, context)];
  // Tagging on create needs the tagging permission too (IAM UG, "Permissions required for tagging").
  if (Array.isArray(input.Tags) && input.Tags.length > 0) targets.push(iamTarget(call, 'TagUser', { arn }, tags));
  return targets;
}

function getUserTarget(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget | [] {
  if (input.UserName === undefined && call.caller.kind === 'root') return [];
  return onUser('GetUser', true)(iam, input, call);
}

function updateUserTargets(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const current = namedResource(iam, call, 'user', input.UserName as string);
  const targets = [iamTarget(call, 'UpdateUser', current)];
  if (input.NewUserName !== undefined || input.NewPath !== undefined) {
    const user = iam.users.byName(callerAccount(call), input.UserName as string);
    const path = (input.NewPath as string | undefined) ?? user?.path ?? '/';
    const name = (input.NewUserName as string | undefined) ?? user?.name ?? (input.UserName as string);
    // Renaming needs the permission on the new name as well (IAM API reference, UpdateUser).
    targets.push(iamTarget(call, 'UpdateUser', { arn: entityArn(callerAccount(call), 'user', path, name) }));
  }
  return targets;
}

export function userOperations(iam: IamContext): ServiceOperations {
  return {
    CreateUser: iamOperation(iam, createUserTargets, createUser),
    GetUser: iamOperation(iam, getUserTarget, getUser),
    ListUsers: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListUsers', listResource(call, 'user')),
      listUsers,
    ),
    UpdateUser: iamOperation(iam, updateUserTargets, updateUser),
    DeleteUser: iamOperation(iam, onUser('DeleteUser'), deleteUser),
    TagUser: iamOperation(iam, onUser('TagUser'), tagResource('user')),
    UntagUser: iamOperation(iam, onUser('UntagUser'), untagResource('user')),
    ListUserTags: iamOperation(iam, onUser('ListUserTags'), listResourceTags('user')),
  };
}
