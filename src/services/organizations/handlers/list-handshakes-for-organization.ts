// ListHandshakesForOrganization: every handshake the organization has sent.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { listHandshakes } from './list-handshakes-for-account.js';

export function listHandshakesForOrganization(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  return listHandshakes(env.store.handshakes.inOrganization(org.id), input, call, env, 'ListHandshakesForOrganization');
}
