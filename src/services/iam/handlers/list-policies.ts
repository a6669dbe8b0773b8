// iam:ListPolicies: customer managed policies of the account and AWS managed ones, by scope, path prefix and use.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { policyOutput } from '../output.js';
import { nameKey, paginate } from '../pagination.js';
import type { ManagedPolicyView } from '../repos/managed-policy-lookup.js';

export function listPolicies(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const scope = (input.Scope as string | undefined) ?? 'All';
  const prefix = (input.PathPrefix as string | undefined) ?? '/';
  let policies: ManagedPolicyView[] = [];
  if (scope !== 'AWS') policies.push(...iam.managedPolicies.list(account).map((p) => ({ ...p, awsManaged: false })));
  if (scope !== 'Local') policies.push(...iam.policies.listAws());
  policies = policies.filter((p) => p.path.startsWith(prefix));
  if (input.OnlyAttached === true) policies = policies.filter(inUse(iam, account, input.PolicyUsageFilter));
  const key = (p: ManagedPolicyView) => `${nameKey(p.name)}\u0000${p.arn}`;
  policies.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const page = paginate(policies, input, `ListPolicies:${scope}:${prefix}:${String(input.OnlyAttached)}`, key);
  return { Policies: page.items.map((p) => policyOutput(iam, account, p, 'list')), ...page.meta };
}

/** Attached as a permissions policy, used as a boundary, or either when no filter is given. */
function inUse(iam: IamContext, account: string, filter: unknown): (p: ManagedPolicyView) => boolean {
  const attached = iam.attachments.countsByPolicy(account);
  const boundaries = new Set(
    [...iam.users.list(account), ...iam.roles.list(account)].flatMap((e) => e.permissionsBoundary ?? []),
  );
  return (p) => {
    const asPolicy = (attached.get(p.arn) ?? 0) > 0;
    const asBoundary = boundaries.has(p.arn);
    if (filter === 'PermissionsPolicy') return asPolicy;
    if (filter === 'PermissionsBoundary') return asBoundary;
    return asPolicy || asBoundary;
  };
}
