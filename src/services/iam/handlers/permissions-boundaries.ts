// iam:Put/DeleteUserPermissionsBoundary and iam:Put/DeleteRolePermissionsBoundary: the managed policy that caps
// what a user's or role's identity policies can grant.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { requireBoundaryPolicy } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import type { IamHandler } from '../operations/iam-operation.js';
import { requireHolder } from './policy-holders.js';

type BoundaryHolder = 'user' | 'role';

function setBoundary(iam: IamContext, type: BoundaryHolder, id: string, arn: string | undefined): void {
  iam.write(() =>
    type === 'user' ? iam.users.setPermissionsBoundary(id, arn) : iam.roles.setPermissionsBoundary(id, arn),
  );
}

export function putPermissionsBoundary(type: BoundaryHolder): IamHandler {
  return (iam: IamContext, input: Shaped, call: CallContext) => {
    const holder = requireHolder(iam, type, input, call);
    const policy = requireBoundaryPolicy(iam, call, input.PermissionsBoundary as string);
    setBoundary(iam, type, holder.id, policy.arn);
    return {};
  };
}

export function deletePermissionsBoundary(type: BoundaryHolder): IamHandler {
  return (iam: IamContext, input: Shaped, call: CallContext) => {
    setBoundary(iam, type, requireHolder(iam, type, input, call).id, undefined);
    return {};
  };
}
