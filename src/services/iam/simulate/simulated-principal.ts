// Who a simulation simulates: the IAM user, group or role of PolicySourceArn with its own policies, or for custom
// policies the CallerArn user or the caller itself.
import { type CompiledPolicy, type Principal, principalFromArn } from '../../../policy/index.js';
import type { CallContext } from '../../types.js';
import { parseEntityArn } from '../arns.js';
import { callerAccount } from '../authorization.js';
import { entityNotFound, invalidInput } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { holderPolicies, inputPolicies, managedPolicy, type SourcedPolicy } from './simulation-policies.js';

export interface PrincipalSource {
  readonly principal: Principal;
  readonly identity: SourcedPolicy[];
  readonly boundary: SourcedPolicy | undefined;
}

/** CallerArn must name an IAM user (the simulator accepts no roles, sessions or services there). */
export function callerArnPrincipal(callerArn: unknown): Principal | undefined {
  if (typeof callerArn !== 'string') return undefined;
  const principal = principalFromArn(callerArn);
  if (principal?.type !== 'User') throw invalidInput(`Invalid CallerArn: ${callerArn} is not the ARN of an IAM user.`);
  return principal;
}

/** The caller as the simulated principal; a root caller is simulated as an identity that policies apply to. */
export function callerPrincipal(call: CallContext): Principal {
  const p = call.caller.principal;
  if (p.type === 'User' || p.type === 'AssumedRole' || p.type === 'FederatedUser') return p;
  return { type: 'User', arn: p.arn, account: callerAccount(call) };
}

/** The policies and principal of PolicySourceArn (a user with its groups' policies, a group, or a role). */
export function principalSource(iam: IamContext, call: CallContext, sourceArn: string): PrincipalSource {
  const parsed = parseEntityArn(sourceArn);
  const account = callerAccount(call);
  const kind = parsed?.type;
  if (parsed === undefined || parsed.account !== account || (kind !== 'user' && kind !== 'group' && kind !== 'role')) {
    throw invalidInput(`Invalid PolicySourceArn: ${sourceArn}`);
  }
  if (kind === 'user') {
    const user = iam.users.byName(account, parsed.name);
    if (!user) throw entityNotFound('user', parsed.name);
    const identity = holderPolicies(iam, 'user', user.id);
    for (const group of iam.groups.groupsOf(user.id)) identity.push(...holderPolicies(iam, 'group', group.id));
    const principal: Principal = { type: 'User', arn: user.arn, account, userId: user.id };
    return { principal, identity, boundary: boundaryOf(iam, user.permissionsBoundary) };
  }
  if (kind === 'role') {
    const role = iam.roles.byName(account, parsed.name);
    if (!role) throw entityNotFound('role', parsed.name);
    const principal: Principal = {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${account}:assumed-role/${role.name}/simulation`,
      account,
      roleArn: role.arn,
      roleId: role.id,
    };
    return {
      principal,
      identity: holderPolicies(iam, 'role', role.id),
      boundary: boundaryOf(iam, role.permissionsBoundary),
    };
  }
  const group = iam.groups.byName(account, parsed.name);
  if (!group) throw entityNotFound('group', parsed.name);
  return { principal: callerPrincipal(call), identity: holderPolicies(iam, 'group', group.id), boundary: undefined };
}

function boundaryOf(iam: IamContext, arn: string | undefined): SourcedPolicy | undefined {
  return arn === undefined ? undefined : managedPolicy(iam, arn, 'permissions-boundary');
}

/** The boundary the request gives (which replaces the principal's own), if any. */
export function inputBoundary(list: unknown): SourcedPolicy | undefined {
  const boundaries = inputPolicies(list, 'PermissionsBoundaryPolicyInputList', 'permissions-boundary');
  if (boundaries.length > 1) throw invalidInput('Only one permissions boundary policy can be simulated.');
  return boundaries[0];
}

/** The SCP chain that binds principals of `account` (the management account is exempt, as in real requests). */
export function organizationScps(
  call: CallContext,
  account: string | undefined,
): readonly (readonly CompiledPolicy[])[] | undefined {
  const org = account === undefined ? undefined : call.deps.directory.organizationOf(account);
  return org && org.managementAccount !== account ? org.scp : undefined;
}

/** ResourceOwner is an account ID or an account's root ARN. */
export function resourceOwnerAccount(owner: unknown): string | undefined {
  return typeof owner === 'string' ? /(\d{12})/.exec(owner)?.[1] : undefined;
}
