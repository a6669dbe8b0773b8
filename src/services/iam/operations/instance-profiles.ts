// IAM instance profile operations: what each must be authorized for and which handler serves it.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperations } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount, iamTarget, listResource, namedResource, tagContext } from '../authorization.js';
import { createInstanceProfile } from '../handlers/create-instance-profile.js';
import { deleteInstanceProfile } from '../handlers/delete-instance-profile.js';
import { getInstanceProfile } from '../handlers/get-instance-profile.js';
import { addRoleToInstanceProfile, removeRoleFromInstanceProfile } from '../handlers/instance-profile-roles.js';
import { listInstanceProfiles, listInstanceProfilesForRole } from '../handlers/list-instance-profiles.js';
import { listResourceTags, tagResource, untagResource } from '../handlers/resource-tags.js';
import type { IamContext } from '../iam-context.js';
import { iamOperation } from './iam-operation.js';
import { onRole } from './roles.js';

function onProfile(action: string) {
  return (iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget =>
    iamTarget(
      call,
      action,
      namedResource(iam, call, 'instance-profile', input.InstanceProfileName as string),
      tagContext(input),
    );
}

function createTargets(_iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const path = (input.Path as string | undefined) ?? '/';
  const arn = entityArn(callerAccount(call), 'instance-profile', path, input.InstanceProfileName as string);
  const targets = [iamTarget(call, 'CreateInstanceProfile', { arn }, tagContext(input))];
  if (Array.isArray(input.Tags) && input.Tags.length > 0) {
    targets.push(iamTarget(call, 'TagInstanceProfile', { arn }, tagContext(input)));
  }
  return targets;
}

/**
 * Putting a role in a profile passes it to whatever runs with the profile (IAM API reference); PassRole denials
 * name the role by its ARN.
 */
function addRoleTargets(iam: IamContext, input: Shaped, call: CallContext): AuthorizationTarget[] {
  const role = namedResource(iam, call, 'role', input.RoleName as string);
  return [
    onProfile('AddRoleToInstanceProfile')(iam, input, call),
    iamTarget(call, 'PassRole', { ...role, display: undefined }),
  ];
}

export function instanceProfileOperations(iam: IamContext): ServiceOperations {
  return {
    CreateInstanceProfile: iamOperation(iam, createTargets, createInstanceProfile),
    GetInstanceProfile: iamOperation(iam, onProfile('GetInstanceProfile'), getInstanceProfile),
    ListInstanceProfiles: iamOperation(
      iam,
      (_iam, _input, call) => iamTarget(call, 'ListInstanceProfiles', listResource(call, 'instance-profile')),
      listInstanceProfiles,
    ),
    DeleteInstanceProfile: iamOperation(iam, onProfile('DeleteInstanceProfile'), deleteInstanceProfile),
    AddRoleToInstanceProfile: iamOperation(iam, addRoleTargets, addRoleToInstanceProfile),
    RemoveRoleFromInstanceProfile: iamOperation(
      iam,
      onProfile('RemoveRoleFromInstanceProfile'),
      removeRoleFromInstanceProfile,
    ),
    ListInstanceProfilesForRole: iamOperation(iam, onRole('ListInstanceProfilesForRole'), listInstanceProfilesForRole),
    TagInstanceProfile: iamOperation(iam, onProfile('TagInstanceProfile'), tagResource('instance-profile')),
    UntagInstanceProfile: iamOperation(iam, onProfile('UntagInstanceProfile'), untagResource('instance-profile')),
    ListInstanceProfileTags: iamOperation(
      iam,
      onProfile('ListInstanceProfileTags'),
      listResourceTags('instance-profile'),
    ),
  };
}
