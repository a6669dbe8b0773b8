// Finds a policy by id for the caller's organization: an AWS managed one (the same everywhere) or a customer
// policy of that organization.
import { managedPolicy } from './managed-policies.js';
import { orgError } from './org-errors.js';
import type { OrgStore } from './store/org-store.js';
import type { OrganizationRecord } from './store/records.js';
import type { AnyPolicy } from './views.js';

export function findPolicy(store: OrgStore, org: OrganizationRecord, id: string): AnyPolicy {
  const managed = managedPolicy(id);
  if (managed !== undefined) return { managed };
  const customer = store.policies.byId(id);
  if (customer?.organizationId !== org.id) throw orgError('PolicyNotFoundException');
  return { customer };
}

export function policyIdOf(policy: AnyPolicy): string {
  return 'managed' in policy ? policy.managed.id : policy.customer.id;
}

export function policyTypeOf(policy: AnyPolicy): string {
  return 'managed' in policy ? policy.managed.type : policy.customer.type;
}
