// iam:UpdateRole and iam:UpdateRoleDescription: a role's description and maximum session duration.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireRole } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { roleOutput } from '../output.js';

export function updateRole(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const role = requireRole(iam, callerAccount(call), input.RoleName as string);
  iam.write(() =>
    iam.roles.update(role.id, {
      description: input.Description as string | undefined,
      maxSessionDuration: input.MaxSessionDuration as number | undefined,
    }),
  );
  return {};
}

export function updateRoleDescription(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const role = requireRole(iam, callerAccount(call), input.RoleName as string);
  iam.write(() => iam.roles.update(role.id, { description: input.Description as string }));
  return { Role: roleOutput(iam, iam.roles.byId(role.id)!, 'full') };
}
