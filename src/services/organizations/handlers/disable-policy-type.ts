// DisablePolicyType: turns a policy type off for the root; every policy of that type is detached everywhere.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { rootView } from '../views.js';

export function disablePolicyType(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const type = input.PolicyType as string;
  if (input.RootId !== org.rootId) throw orgError('RootNotFoundException');
  if (!env.store.organizations.isPolicyTypeEnabled(org.id, type)) throw orgError('PolicyTypeNotEnabledException');
  env.store.write(() => {
    env.store.organizations.disablePolicyType(org.id, type);
    env.store.policies.detachAllOfType(org.id, type);
  });
  return { Root: rootView(env.store, org) };
}
