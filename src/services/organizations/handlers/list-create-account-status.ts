// ListCreateAccountStatus: the organization's CreateAccount requests, optionally only those in the given states.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { paginate } from '../paginate.js';
import { createAccountStatusView } from '../views.js';

export function listCreateAccountStatus(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const states = Array.isArray(input.States) && input.States.length > 0 ? (input.States as string[]) : undefined;
  const requests = env.store.handshakes
    .requests(org.id)
    .filter((r) => states === undefined || states.includes(r.state));
  const page = paginate(requests, input, `ListCreateAccountStatus:${states?.join(',') ?? ''}`);
  return { CreateAccountStatuses: page.items.map(createAccountStatusView), NextToken: page.nextToken };
}
