// What one KMS operation on one key is authorized for: `kms:<Operation>` on the key ARN, judged by the key policy
// (which must allow explicitly), with the condition keys KMS supplies, and grants as the fallback path.
// Operations AWS does not allow across accounts get no key policy for a caller of another account: an external
// account's grant in the policy has no effect on them.
import type { AwsError } from '../../../core/aws-error.js';
import type { ContextInput, ContextScalar, Decision } from '../../../policy/index.js';
import { principalIds } from '../../bound-principals.js';
import type { AuthorizationTarget, CallContext, Caller } from '../../types.js';
import type { KeyLookup } from '../key-resolver.js';
import { callerAccount } from '../key-resolver.js';
import { kmsAccessDenied } from '../kms-errors.js';
import type { KmsStore } from '../kms-store.js';
import type { EncryptionContext } from '../repos/grants.js';
import type { KeyRecord } from '../repos/keys.js';
import { grantFallback } from './grant-decision.js';
import type { GrantRequest } from './grant-match.js';

export interface KeyTargetSpec {
  /** `kms:Decrypt`, `kms:ReEncryptFrom`, ... */
  readonly action: string;
  readonly lookup: KeyLookup;
  /** Whether AWS lets other accounts call the operation on the key. */
  readonly crossAccount: boolean;
  /** The grant operation that may allow the action when policies do not (crypto operations, DescribeKey, CreateGrant). */
  readonly grant?: Omit<GrantRequest, 'encryptionContext'>;
  /** Cryptographic operations: the request's context (`{}` when none), checked against grant constraints too. */
  readonly encryptionContext?: EncryptionContext | undefined;
  /** The integrated service calling on the caller's behalf (`s3`, `rds`), for `kms:ViaService`. */
  readonly viaService?: string | undefined;
  /** Operation-specific condition keys. */
  readonly context?: ContextInput;
}

export function keyTarget(store: KmsStore, call: CallContext, spec: KeyTargetSpec): AuthorizationTarget {
  const key = spec.lookup.key;
  const account = callerAccount(call);
  const policyApplies = spec.crossAccount || key.account === account;
  const grant = spec.grant;
  const principals = principalIds(call.deps);
  return {
    action: spec.action,
    resource: key.arn,
    resourceAccount: key.account,
    resourcePolicy: policyApplies ? store.keyPolicy(key, principals) : undefined,
    resourcePolicyRequired: true,
    rcpExempt: key.manager === 'AWS',
    context: {
      ...keyConditionKeys(store, key, account, spec.lookup.requestAlias),
      ...encryptionContextKeys(spec.encryptionContext),
      ...viaServiceKeys(spec.viaService, call.region),
      ...spec.context,
    },
    onImplicitDeny:
      grant === undefined
        ? undefined
        : grantFallback(() => store.grants.forKey(key.id), call.caller, {
            ...grant,
            encryptionContext: spec.encryptionContext,
          }),
    deniedError: spec.action === 'kms:Decrypt' ? decryptDenied : undefined,
  };
}

/**
 * A Decrypt request names no key (its ciphertext does), and a denial the key policy decides does not name it either:
 * KMS answers it in these words, for a key that is not there as for one whose policy does not allow the caller.
 * Denials on the caller's own side name the key as other operations do. The trail keeps the engine's detailed
 * message, so `xacct explain` still says which policy failed on which key.
 */
function decryptDenied(decision: Decision, caller: Caller): AwsError {
  if (decision.deniedBy !== 'resource-based') return kmsAccessDenied(decision.message);
  return kmsAccessDenied(
    `User: ${caller.principal.arn} is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access`,
  );
}

function keyConditionKeys(
  store: KmsStore,
  key: KeyRecord,
  account: string,
  requestAlias: string | undefined,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const keys: Record<string, ContextScalar | readonly ContextScalar[]> = {
    'kms:CallerAccount': account,
    'kms:KeySpec': key.keySpec,
    'kms:KeyUsage': key.keyUsage,
    'kms:KeyOrigin': key.origin,
    'kms:MultiRegion': false,
  };
  const aliases = store.aliases.namesOf(key.id);
  if (aliases.length > 0) keys['kms:ResourceAliases'] = aliases;
  if (requestAlias !== undefined) keys['kms:RequestAlias'] = requestAlias;
  for (const tag of store.tags.list(key.id)) keys[`aws:ResourceTag/${tag.TagKey}`] = tag.TagValue;
  return keys;
}

export function encryptionContextKeys(context: EncryptionContext | undefined): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = {};
  const names = Object.keys(context ?? {});
  for (const name of names) keys[`kms:EncryptionContext:${name}`] = context![name]!;
  if (names.length > 0) keys['kms:EncryptionContextKeys'] = names;
  return keys;
}

/** A service acting for the caller: `kms:ViaService` names it, and the request came through an AWS service. */
export function viaServiceKeys(service: string | undefined, region: string): Record<string, string | boolean> {
  if (service === undefined) return {};
  return { 'kms:ViaService': `${service}.${region}.amazonaws.com`, 'aws:ViaAWSService': true };
}
