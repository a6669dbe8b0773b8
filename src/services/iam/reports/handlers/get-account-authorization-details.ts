// iam:GetAccountAuthorizationDetails: a snapshot of the account's users, groups, roles and managed policies (the
// AWS managed ones only where the account uses them), filtered by entity type and paged across all four lists.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { groupDetail, policyDetail, roleDetail, userDetail } from '../authorization-details.js';

type ListName = 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies';

interface Entry {
  readonly list: ListName;
  readonly detail: () => Shaped;
}

const ALL_FILTERS = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'];

export function getAccountAuthorizationDetails(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const filter = new Set(
    Array.isArray(input.Filter) && input.Filter.length > 0 ? (input.Filter as string[]) : ALL_FILTERS,
  );
  const entries: Entry[] = [];
  if (filter.has('User')) {
    for (const u of iam.users.list(account)) entries.push({ list: 'UserDetailList', detail: () => userDetail(iam, u) });
  }
  if (filter.has('Group')) {
    for (const g of iam.groups.list(account))
      entries.push({ list: 'GroupDetailList', detail: () => groupDetail(iam, g) });
  }
  if (filter.has('Role')) {
    for (const r of iam.roles.list(account)) entries.push({ list: 'RoleDetailList', detail: () => roleDetail(iam, r) });
  }
  if (filter.has('LocalManagedPolicy')) {
    for (const p of iam.managedPolicies.list(account)) {
      const view = iam.policies.find(p.arn);
      if (view) entries.push({ list: 'Policies', detail: () => policyDetail(iam, account, view) });
    }
  }
  if (filter.has('AWSManagedPolicy')) {
    for (const arn of awsManagedInUse(iam, account)) {
      const view = iam.policies.find(arn);
      if (view) entries.push({ list: 'Policies', detail: () => policyDetail(iam, account, view) });
    }
  }
  const page = paginate(entries, input, `GetAccountAuthorizationDetails:${[...filter].sort().join(',')}`, indexKey);
  const out: Record<ListName, Shaped[]> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for (const entry of page.items) out[entry.list].push(entry.detail());
  return { ...out, ...page.meta };
}

/** AWS managed policies attached to an identity of the account or used as a permissions boundary, by name. */
function awsManagedInUse(iam: IamContext, account: string): string[] {
  const arns = new Set<string>();
  for (const arn of iam.attachments.countsByPolicy(account).keys()) arns.add(arn);
  for (const u of iam.users.list(account)) if (u.permissionsBoundary) arns.add(u.permissionsBoundary);
  for (const r of iam.roles.list(account)) if (r.permissionsBoundary) arns.add(r.permissionsBoundary);
  return [...arns].filter((arn) => arn.startsWith('arn:aws:iam::aws:policy/')).sort();
}
