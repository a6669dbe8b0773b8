// DescribeKey: the key's metadata, by key id, key ARN, alias name or alias ARN. Naming a predefined AWS alias
// (`alias/aws/s3`) whose key does not exist yet creates that AWS managed key first, as KMS does.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext, ServiceOperation } from '../../types.js';
import { type KeyTargetSpec, keyTarget } from '../authorization/key-target.js';
import { readKeyReference } from '../key-ids.js';
import { keyMetadata } from '../key-metadata.js';
import type { KmsEnv } from '../key-operation.js';
import { callerAccount, type KeyLookup, resolveKey } from '../key-resolver.js';
import { ensureManagedKey, isPredefinedAlias } from '../managed-keys.js';

/** The predefined alias the request names in the caller's own account and region, when its key is still missing. */
function missingManagedAlias(env: KmsEnv, input: Shaped, call: CallContext): string | undefined {
  const ref = readKeyReference(String(input.KeyId));
  const account = callerAccount(call);
  if (ref.kind !== 'alias-name' && ref.kind !== 'alias-arn') return undefined;
  if (ref.kind === 'alias-arn' && (ref.account !== account || ref.region !== call.region)) return undefined;
  if (!isPredefinedAlias(ref.name)) return undefined;
  return env.store.aliases.find(account, call.region, ref.name) === undefined ? ref.name : undefined;
}

function spec(lookup: KeyLookup): KeyTargetSpec {
  return { action: 'kms:DescribeKey', lookup, crossAccount: true, grant: { operation: 'DescribeKey' } };
}

export function describeKeyOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) => {
      if (missingManagedAlias(env, input, call) !== undefined) return undefined;
      return keyTarget(env.store, call, spec(resolveKey(env.store, call, String(input.KeyId), { aliases: true })));
    },
    handle: (input, call) => {
      const missing = missingManagedAlias(env, input, call);
      if (missing === undefined) {
        const { key } = resolveKey(env.store, call, String(input.KeyId), { aliases: true });
        return { KeyMetadata: keyMetadata(key) };
      }
      const key = ensureManagedKey(env.store, callerAccount(call), call.region, missing, call.now);
      call.authorize(keyTarget(env.store, call, spec({ key, requestAlias: missing })));
      return { KeyMetadata: keyMetadata(key) };
    },
  };
}
