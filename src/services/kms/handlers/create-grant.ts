// CreateGrant: lets a grantee principal use the key for the listed operations, optionally only with a given
// encryption context. A named grant is idempotent: the same request again returns the same grant.
import type { Shaped } from '../../../protocol/index.js';
import { principalIds } from '../../bound-principals.js';
import type { CallContext, ServiceOperation } from '../../types.js';
import { keyTarget } from '../authorization/key-target.js';
import { createGrantContext, newGrantOf, storeGrant } from '../grant-requests.js';
import type { KmsEnv } from '../key-operation.js';
import { requireEnabled, resolveKey } from '../key-resolver.js';
import { dryRunSucceeded } from '../kms-errors.js';

export function createGrantOperation(env: KmsEnv): ServiceOperation {
  const keyOf = (input: Shaped, call: CallContext) =>
    resolveKey(env.store, call, String(input.KeyId), { aliases: false });
  return {
    authorization: (input, call) => {
      const grant = newGrantOf(input);
      return keyTarget(env.store, call, {
        action: 'kms:CreateGrant',
        lookup: keyOf(input, call),
        crossAccount: true,
        grant: { operation: 'CreateGrant', child: { operations: grant.operations, constraints: grant.constraints } },
        context: createGrantContext(grant, false),
      });
    },
    handle: (input, call) => {
      const { key } = keyOf(input, call);
      requireEnabled(key);
      if (input.DryRun === true) throw dryRunSucceeded();
      const grant = storeGrant(env.store, key, newGrantOf(input), principalIds(env.deps), call.now);
      return { GrantId: grant.id, GrantToken: grant.token };
    },
  };
}
