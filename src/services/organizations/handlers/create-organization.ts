// CreateOrganization: the caller's account becomes the management account of a new organization with one root.
// No policy type is enabled yet (the API leaves that to EnablePolicyType).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { accountName, callerMembership, type OrgEnv, placeholderEmail } from '../org-env.js';
import { alreadyInOrganization } from '../org-errors.js';
import { newOrganizationId, newRootId } from '../org-ids.js';
import type { FeatureSet, OrganizationRecord } from '../store/records.js';
import { addMember } from '../tree-changes.js';
import { organizationView } from '../views.js';

export function createOrganization(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const account = call.caller.account as string;
  if (callerMembership(env, call) !== undefined) throw alreadyInOrganization();
  const org: OrganizationRecord = {
    id: newOrganizationId(),
    managementAccount: account,
    managementEmail: placeholderEmail(account),
    featureSet: (input.FeatureSet as FeatureSet | undefined) ?? 'ALL',
    rootId: newRootId(),
    createdAt: call.now,
  };
  env.store.write(() => {
    env.store.organizations.insert(org);
    addMember(env.store, org, {
      id: account,
      organizationId: org.id,
      parentId: org.rootId,
      name: accountName(env, account),
      email: org.managementEmail,
      joinedMethod: 'INVITED',
      joinedAt: call.now,
    });
  });
  return { Organization: organizationView(org) };
}
