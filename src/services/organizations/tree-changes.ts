// Changes to an organization's tree that must keep its policy attachments right: a new OU or account gets the
// default policy of every enabled type (FullAWSAccess, RCPFullAWSAccess) as AWS attaches it; an account that
// leaves takes its attachments and tags with it. Callers run these inside OrgStore.write.
import { defaultPolicyOf } from './managed-policies.js';
import type { OrgStore } from './store/org-store.js';
import type { MemberRecord, OrganizationRecord, UnitRecord } from './store/records.js';

export function attachDefaultPolicies(store: OrgStore, org: OrganizationRecord, targetId: string): void {
  for (const type of store.organizations.enabledPolicyTypes(org.id)) {
    const policy = defaultPolicyOf(type);
    if (policy !== undefined) store.policies.attach(org.id, { policyId: policy.id, policyType: type, targetId });
  }
}

export function addMember(store: OrgStore, org: OrganizationRecord, member: MemberRecord): void {
  store.members.insert(member);
  attachDefaultPolicies(store, org, member.id);
}

export function addUnit(store: OrgStore, org: OrganizationRecord, unit: UnitRecord): void {
  store.units.insert(unit);
  attachDefaultPolicies(store, org, unit.id);
}

/** An account or OU leaves the tree. */
export function removeNode(store: OrgStore, org: OrganizationRecord, id: string): void {
  if (id.startsWith('ou-')) store.units.delete(id);
  else store.members.delete(id);
  store.policies.detachTarget(org.id, id);
  store.tags.removeAll(org.id, id);
}
