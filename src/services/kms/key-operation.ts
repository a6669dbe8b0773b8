// The common shape of KMS operations on one key: resolve the `KeyId` (in the caller's account unless it is an
// ARN), authorize `kms:<Operation>` on it, honour DryRun, then run the handler on the resolved key.
import type { ContextInput } from '../../policy/index.js';
import type { Shaped } from '../../protocol/index.js';
import type { CallContext, ServiceDeps, ServiceOperation } from '../types.js';
import { keyTarget } from './authorization/key-target.js';
import { type KeyLookup, resolveKey } from './key-resolver.js';
import { dryRunSucceeded } from './kms-errors.js';
import type { KmsStore } from './kms-store.js';
import type { EncryptionContext } from './repos/grants.js';

/** What every KMS handler can reach. */
export interface KmsEnv {
  readonly store: KmsStore;
  readonly deps: ServiceDeps;
}

export interface KeyOperationSpec {
  readonly action: string;
  /** The input member naming the key; `KeyId` by default. */
  readonly param?: string;
  /** Whether alias names and alias ARNs are accepted (crypto operations and DescribeKey). */
  readonly aliases?: boolean;
  /** Whether AWS serves the operation to other accounts ("Cross-account use: Yes"). */
  readonly crossAccount?: boolean;
  /** The grant operation that may allow the call when policies do not. */
  readonly grantOperation?: string;
  /** Cryptographic operations: the request's encryption context. */
  readonly encryptionContext?: (input: Shaped) => EncryptionContext;
  readonly context?: (input: Shaped) => ContextInput;
}

export type KeyHandler = (input: Shaped, call: CallContext, lookup: KeyLookup, env: KmsEnv) => Shaped;

export function contextOf(input: Shaped, member = 'EncryptionContext'): EncryptionContext {
  return (input[member] as EncryptionContext | undefined) ?? {};
}

export function keyOperation(env: KmsEnv, spec: KeyOperationSpec, handler: KeyHandler): ServiceOperation {
  const lookupOf = (input: Shaped, call: CallContext): KeyLookup =>
    resolveKey(env.store, call, String(input[spec.param ?? 'KeyId']), { aliases: spec.aliases === true });
  return {
    authorization: (input, call) =>
      keyTarget(env.store, call, {
        action: spec.action,
        lookup: lookupOf(input, call),
        crossAccount: spec.crossAccount === true,
        grant: spec.grantOperation === undefined ? undefined : { operation: spec.grantOperation },
        encryptionContext: spec.encryptionContext?.(input),
        context: spec.context?.(input),
      }),
    handle: (input, call) => {
      const lookup = lookupOf(input, call);
      if (input.DryRun === true) throw dryRunSucceeded();
      return handler(input, call, lookup, env);
    },
  };
}
