// EnablePolicyType: turns a policy type on for the root. SCPs and RCPs start out with their AWS managed policy
// (FullAWSAccess, RCPFullAWSAccess) attached to the root, every OU and every account.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { defaultPolicyOf } from '../managed-policies.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { allNodeIds } from '../org-tree.js';
import { rootView } from '../views.js';

export function enablePolicyType(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const type = input.PolicyType as string;
  if (input.RootId !== org.rootId) throw orgError('RootNotFoundException');
  if (org.featureSet !== 'ALL') throw orgError('PolicyTypeNotAvailableForOrganizationException');
  if (env.store.organizations.isPolicyTypeEnabled(org.id, type)) throw orgError('PolicyTypeAlreadyEnabledException');
  const policy = defaultPolicyOf(type);
  env.store.write(() => {
    env.store.organizations.enablePolicyType(org.id, type);
    if (policy === undefined) return;
    for (const targetId of allNodeIds(env.store, org)) {
      env.store.policies.attach(org.id, { policyId: policy.id, policyType: type, targetId });
    }
  });
  return { Root: rootView(env.store, org) };
}
