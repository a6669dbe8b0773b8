// Organizations operations: what each is authorized for (the ids it names become ARNs, see authorization.ts)
// and which handler serves it.
import type { ServiceOperations } from '../types.js';
import { type AuthorizationSpec, authorizationFor } from './authorization.js';
import { acceptHandshake } from './handlers/accept-handshake.js';
import { attachPolicy } from './handlers/attach-policy.js';
import { cancelHandshake } from './handlers/cancel-handshake.js';
import { createAccount } from './handlers/create-account.js';
import { createOrganization } from './handlers/create-organization.js';
import { createOrganizationalUnit } from './handlers/create-organizational-unit.js';
import { createPolicy } from './handlers/create-policy.js';
import { declineHandshake } from './handlers/decline-handshake.js';
import { deleteOrganization } from './handlers/delete-organization.js';
import { deleteOrganizationalUnit } from './handlers/delete-organizational-unit.js';
import { deletePolicy } from './handlers/delete-policy.js';
import { describeAccount } from './handlers/describe-account.js';
import { describeCreateAccountStatus } from './handlers/describe-create-account-status.js';
import { describeHandshake } from './handlers/describe-handshake.js';
import { describeOrganization } from './handlers/describe-organization.js';
import { describeOrganizationalUnit } from './handlers/describe-organizational-unit.js';
import { describePolicy } from './handlers/describe-policy.js';
import { detachPolicy } from './handlers/detach-policy.js';
import { disablePolicyType } from './handlers/disable-policy-type.js';
import { enablePolicyType } from './handlers/enable-policy-type.js';
import { inviteAccountToOrganization } from './handlers/invite-account-to-organization.js';
import { leaveOrganization } from './handlers/leave-organization.js';
import { listAccounts } from './handlers/list-accounts.js';
import { listAccountsForParent } from './handlers/list-accounts-for-parent.js';
import { listChildren } from './handlers/list-children.js';
import { listCreateAccountStatus } from './handlers/list-create-account-status.js';
import { listHandshakesForAccount } from './handlers/list-handshakes-for-account.js';
import { listHandshakesForOrganization } from './handlers/list-handshakes-for-organization.js';
import { listOrganizationalUnitsForParent } from './handlers/list-organizational-units-for-parent.js';
import { listParents } from './handlers/list-parents.js';
import { listPolicies } from './handlers/list-policies.js';
import { listPoliciesForTarget } from './handlers/list-policies-for-target.js';
import { listRoots } from './handlers/list-roots.js';
import { listTagsForResource } from './handlers/list-tags-for-resource.js';
import { listTargetsForPolicy } from './handlers/list-targets-for-policy.js';
import { moveAccount } from './handlers/move-account.js';
import { removeAccountFromOrganization } from './handlers/remove-account-from-organization.js';
import { tagResource } from './handlers/tag-resource.js';
import { untagResource } from './handlers/untag-resource.js';
import { updateOrganizationalUnit } from './handlers/update-organizational-unit.js';
import { updatePolicy } from './handlers/update-policy.js';
import type { OrgEnv, OrgHandler } from './org-env.js';

interface OrgOperation extends AuthorizationSpec {
  readonly handle: OrgHandler;
}

const policy: AuthorizationSpec['resources'] = (i) => [i.PolicyId];
const handshake: AuthorizationSpec['resources'] = (i) => [i.HandshakeId];
const parent: AuthorizationSpec['resources'] = (i) => [i.ParentId];
const unit: AuthorizationSpec['resources'] = (i) => [i.OrganizationalUnitId];
const resourceId: AuthorizationSpec['resources'] = (i) => [i.ResourceId];

const OPERATIONS: Readonly<Record<string, OrgOperation>> = {
  AcceptHandshake: { resources: handshake, handle: acceptHandshake },
  AttachPolicy: { resources: (i) => [i.PolicyId, i.TargetId], handle: attachPolicy },
  CancelHandshake: { resources: handshake, handle: cancelHandshake },
  CreateAccount: { tags: 'request', handle: createAccount },
  CreateOrganization: { handle: createOrganization },
  CreateOrganizationalUnit: { resources: parent, tags: 'request', handle: createOrganizationalUnit },
  CreatePolicy: { policyType: (i) => i.Type, tags: 'request', handle: createPolicy },
  DeclineHandshake: { resources: handshake, handle: declineHandshake },
  DeleteOrganization: { handle: deleteOrganization },
  DeleteOrganizationalUnit: { resources: unit, handle: deleteOrganizationalUnit },
  DeletePolicy: { resources: policy, handle: deletePolicy },
  DescribeAccount: { resources: (i) => [i.AccountId], handle: describeAccount },
  DescribeCreateAccountStatus: { handle: describeCreateAccountStatus },
  DescribeHandshake: { resources: handshake, handle: describeHandshake },
  DescribeOrganization: { handle: describeOrganization },
  DescribeOrganizationalUnit: { resources: unit, handle: describeOrganizationalUnit },
  DescribePolicy: { resources: policy, handle: describePolicy },
  DetachPolicy: { resources: (i) => [i.PolicyId, i.TargetId], handle: detachPolicy },
  DisablePolicyType: { resources: (i) => [i.RootId], policyType: (i) => i.PolicyType, handle: disablePolicyType },
  EnablePolicyType: { resources: (i) => [i.RootId], policyType: (i) => i.PolicyType, handle: enablePolicyType },
  InviteAccountToOrganization: {
    resources: (i) => [(i.Target as { Id?: unknown } | undefined)?.Id],
    tags: 'request',
    handle: inviteAccountToOrganization,
  },
  LeaveOrganization: { handle: leaveOrganization },
  ListAccounts: { handle: listAccounts },
  ListAccountsForParent: { resources: parent, handle: listAccountsForParent },
  ListChildren: { resources: parent, handle: listChildren },
  ListCreateAccountStatus: { handle: listCreateAccountStatus },
  ListHandshakesForAccount: { handle: listHandshakesForAccount },
  ListHandshakesForOrganization: { handle: listHandshakesForOrganization },
  ListOrganizationalUnitsForParent: { resources: parent, handle: listOrganizationalUnitsForParent },
  ListParents: { resources: (i) => [i.ChildId], handle: listParents },
  ListPolicies: { policyType: (i) => i.Filter, handle: listPolicies },
  ListPoliciesForTarget: { resources: (i) => [i.TargetId], policyType: (i) => i.Filter, handle: listPoliciesForTarget },
  ListRoots: { handle: listRoots },
  ListTagsForResource: { resources: resourceId, handle: listTagsForResource },
  ListTargetsForPolicy: { resources: policy, handle: listTargetsForPolicy },
  MoveAccount: {
    resources: (i) => [i.AccountId, i.SourceParentId, i.DestinationParentId],
    handle: moveAccount,
  },
  RemoveAccountFromOrganization: { resources: (i) => [i.AccountId], handle: removeAccountFromOrganization },
  TagResource: { resources: resourceId, tags: 'request', handle: tagResource },
  UntagResource: { resources: resourceId, tags: 'keys', handle: untagResource },
  UpdateOrganizationalUnit: { resources: unit, handle: updateOrganizationalUnit },
  UpdatePolicy: { resources: policy, handle: updatePolicy },
};

export function organizationsOperations(env: OrgEnv): ServiceOperations {
  const operations: Record<string, ServiceOperations[string]> = {};
  for (const [name, spec] of Object.entries(OPERATIONS)) {
    operations[name] = {
      authorization: authorizationFor(name, spec, env),
      handle: (input, call) => spec.handle(input, call, env),
    };
  }
  return operations;
}
