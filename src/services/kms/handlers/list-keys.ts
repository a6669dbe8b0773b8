// ListKeys: the caller's keys in the region (customer and AWS managed), oldest first.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import type { KmsEnv } from '../key-operation.js';
import { callerAccount } from '../key-resolver.js';
import { paginate } from '../paginate.js';

export function listKeys(env: KmsEnv, input: Shaped, call: CallContext): Shaped {
  const keys = env.store.keys.list(callerAccount(call), call.region, call.now);
  const page = paginate(keys, input, 100);
  return {
    Keys: page.items.map((key) => ({ KeyId: key.id, KeyArn: key.arn })),
    Truncated: page.truncated,
    NextMarker: page.nextMarker,
  };
}
