// ListGrants (the grants of one key, any account's key by ARN) and ListRetirableGrants (the grants that name a
// retiring principal of the caller's account, on keys of any account). Principals are filtered as they are shown:
// a grant to a deleted user is listed under its old unique id, not under the ARN a re-created user has.
import type { Shaped } from '../../../protocol/index.js';
import { principalIds } from '../../bound-principals.js';
import type { CallContext } from '../../types.js';
import { grantEntry, grantPrincipals } from '../grant-view.js';
import type { KeyHandler, KmsEnv } from '../key-operation.js';
import { paginate } from '../paginate.js';

export const listGrants: KeyHandler = (input, _call, { key }, env) => {
  const principals = principalIds(env.deps);
  const grants = env.store.grants
    .forKey(key.id)
    .filter((g) => input.GrantId === undefined || g.id === input.GrantId)
    .filter(
      (g) => input.GranteePrincipal === undefined || grantPrincipals(g, principals).grantee === input.GranteePrincipal,
    );
  const page = paginate(grants, input, 50);
  return {
    Grants: page.items.map((g) => grantEntry(g, key, principals)),
    Truncated: page.truncated,
    NextMarker: page.nextMarker,
  };
};

export function listRetirableGrants(env: KmsEnv, input: Shaped, call: CallContext): Shaped {
  const principals = principalIds(env.deps);
  const retiring = String(input.RetiringPrincipal);
  const grants = env.store.grants
    .retirableBy(retiring, call.region)
    .filter((g) => grantPrincipals(g, principals).retiring === retiring);
  const page = paginate(grants, input, 50);
  return {
    Grants: page.items.map((g) => grantEntry(g, env.store.keys.byId(g.keyId)!, principals)),
    Truncated: page.truncated,
    NextMarker: page.nextMarker,
  };
}
