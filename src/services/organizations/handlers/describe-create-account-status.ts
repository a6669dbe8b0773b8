// DescribeCreateAccountStatus: one CreateAccount request of the organization.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { orgError } from '../org-errors.js';
import { createAccountStatusView } from '../views.js';

export function describeCreateAccountStatus(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const request = env.store.handshakes.request(input.CreateAccountRequestId as string);
  if (request?.organizationId !== org.id) throw orgError('CreateAccountStatusNotFoundException');
  return { CreateAccountStatus: createAccountStatusView(request) };
}
