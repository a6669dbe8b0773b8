// ListGrants (the grants of one key, any account's key by ARN) and ListRetirableGrants (the grants that name a
// retiring principal of the caller's account, on keys of any account).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { grantEntry } from '../grant-view.js';
import type { KeyHandler, KmsEnv } from '../key-operation.js';
import { paginate } from '../paginate.js';

export const listGrants: KeyHandler = (input, _call, { key }, env) => {
  const grants = env.store.grants
    .forKey(key.id)
    .filter((g) => input.GrantId === undefined || g.id === input.GrantId)
    .filter((g) => input.GranteePrincipal === undefined || g.grantee === input.GranteePrincipal);
  const page = paginate(grants, input, 50);
  return { Grants: page.items.map((g) => grantEntry(g, key)), Truncated: page.truncated, NextMarker: page.nextMarker };
};

export function listRetirableGrants(env: KmsEnv, input: Shaped, call: CallContext): Shaped {
  const grants = env.store.grants.retirableBy(String(input.RetiringPrincipal), call.region);
  const page = paginate(grants, input, 50);
  return {
    Grants: page.items.map((g) => grantEntry(g, env.store.keys.byId(g.keyId)!)),
    Truncated: page.truncated,
    NextMarker: page.nextMarker,
  };
}
