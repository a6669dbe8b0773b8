// ListAliases: the caller's aliases in the region, with the predefined AWS aliases whose keys do not exist yet
// (those have no TargetKeyId); with KeyId, only the aliases of that key.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { aliasArn } from '../key-ids.js';
import type { KmsEnv } from '../key-operation.js';
import { callerAccount, resolveKey } from '../key-resolver.js';
import { PREDEFINED_ALIASES } from '../managed-keys.js';
import { paginate } from '../paginate.js';
import { isDeleted } from '../repos/keys.js';

export function listAliases(env: KmsEnv, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const only =
    input.KeyId === undefined ? undefined : resolveKey(env.store, call, String(input.KeyId), { aliases: false }).key;
  const entries: Shaped[] = [];
  const named = new Set<string>();
  for (const alias of env.store.aliases.list(account, call.region)) {
    const key = env.store.keys.byId(alias.keyId);
    if (key === undefined || isDeleted(key, call.now) || (only !== undefined && only.id !== key.id)) continue;
    named.add(alias.name);
    entries.push({
      AliasName: alias.name,
      AliasArn: aliasArn(call.region, account, alias.name),
      TargetKeyId: key.id,
      CreationDate: new Date(alias.createdAt),
      LastUpdatedDate: new Date(alias.updatedAt),
    });
  }
  if (only === undefined) {
    for (const name of PREDEFINED_ALIASES) {
      if (!named.has(name)) entries.push({ AliasName: name, AliasArn: aliasArn(call.region, account, name) });
    }
  }
  entries.sort((a, b) => (String(a.AliasName) < String(b.AliasName) ? -1 : 1));
  const page = paginate(entries, input, 50);
  return { Aliases: page.items, Truncated: page.truncated, NextMarker: page.nextMarker };
}
