// ListHandshakesForAccount: the handshakes the caller's account is invited to; works outside any organization.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import type { OrgEnv } from '../org-env.js';
import { paginate } from '../paginate.js';
import type { HandshakeRecord } from '../store/records.js';
import { handshakeView } from '../views.js';

export function listHandshakesForAccount(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const handshakes = env.store.handshakes.forTarget(call.caller.account as string);
  return listHandshakes(handshakes, input, call, env, 'ListHandshakesForAccount');
}

/** Shared with ListHandshakesForOrganization: the ActionType filter, paging and views. */
export function listHandshakes(
  handshakes: readonly HandshakeRecord[],
  input: Shaped,
  call: CallContext,
  env: OrgEnv,
  operation: string,
): Shaped {
  const filter = input.Filter as { ActionType?: string } | undefined;
  const action = filter?.ActionType;
  const matching = handshakes.filter((h) => action === undefined || h.action === action);
  const page = paginate(matching, input, `${operation}:${action ?? ''}`);
  const views = page.items.flatMap((h) => {
    const org = env.store.organizations.byId(h.organizationId);
    return org === undefined ? [] : [handshakeView(env.store, org, h, call.now)];
  });
  return { Handshakes: views, NextToken: page.nextToken };
}
