// KMS as other services use it on a requester's behalf (S3 SSE-KMS, RDS storage encryption). Each call is
// authorized as the requester through `call.authorize`, with `kms:ViaService = <service>.<region>.amazonaws.com`,
// against the key policy (and grants), exactly like a direct KMS call; a denial throws the calling service's own
// AccessDenied and is recorded in that request's trail event. Keys named by a bare id or alias name are looked up
// in the requester's account; the predefined `alias/aws/<service>` creates its AWS managed key on first use.
// Other failures throw KMS's errors (NotFoundException, DisabledException, KMSInvalidStateException,
// InvalidCiphertextException); the calling service maps them to its own.

import { principalIds } from '../bound-principals.js';
import type { CallContext } from '../types.js';
import { type KeyTargetSpec, keyTarget } from './authorization/key-target.js';
import { blobKey, decryptWith, encryptWith, newDataKey } from './crypto/crypto-ops.js';
import { createGrantContext, storeGrant } from './grant-requests.js';
import { readKeyReference } from './key-ids.js';
import { callerAccount, type KeyLookup, requireEnabled, resolveKey } from './key-resolver.js';
import { KmsStore } from './kms-store.js';
import { ensureManagedKey, isPredefinedAlias } from './managed-keys.js';
import type { EncryptionContext } from './repos/grants.js';

/** `s3`, `rds`, ...: the service calling KMS for the requester. */
export type ViaService = string;

export interface DataKey {
  readonly keyArn: string;
  /** 32 bytes (AES-256). */
  readonly plaintext: Buffer;
  readonly ciphertextBlob: Buffer;
}

export interface KeyDescription {
  readonly keyArn: string;
  readonly keyId: string;
  readonly account: string;
  readonly awsManaged: boolean;
}

export interface ServiceGrant {
  readonly grantee: string;
  readonly retiring?: string;
  readonly operations: readonly string[];
}

export function generateDataKeyFor(
  call: CallContext,
  keyIdOrAlias: string,
  encryptionContext: EncryptionContext,
  viaService: ViaService,
): DataKey {
  const store = KmsStore.of(call.deps.storage.db);
  const lookup = serviceKey(store, call, keyIdOrAlias);
  authorizeFor(store, call, viaService, {
    action: 'kms:GenerateDataKey',
    lookup,
    crossAccount: true,
    grant: { operation: 'GenerateDataKey' },
    encryptionContext,
  });
  const plaintext = newDataKey(32);
  return { keyArn: lookup.key.arn, plaintext, ciphertextBlob: encryptWith(lookup.key, plaintext, encryptionContext) };
}

export function decryptFor(
  call: CallContext,
  ciphertextBlob: Buffer,
  encryptionContext: EncryptionContext,
  viaService: ViaService,
): { readonly keyArn: string; readonly plaintext: Buffer } {
  const store = KmsStore.of(call.deps.storage.db);
  const lookup = blobKey(store, call, ciphertextBlob, undefined);
  authorizeFor(store, call, viaService, {
    action: 'kms:Decrypt',
    lookup,
    crossAccount: true,
    grant: { operation: 'Decrypt' },
    encryptionContext,
  });
  return { keyArn: lookup.key.arn, plaintext: decryptWith(lookup.key, ciphertextBlob, encryptionContext) };
}

/** DescribeKey for the requester: resolves the key a service was told to use and checks that it is usable. */
export function describeKeyFor(call: CallContext, keyIdOrAlias: string, viaService: ViaService): KeyDescription {
  const store = KmsStore.of(call.deps.storage.db);
  const lookup = serviceKey(store, call, keyIdOrAlias);
  authorizeFor(store, call, viaService, {
    action: 'kms:DescribeKey',
    lookup,
    crossAccount: true,
    grant: { operation: 'DescribeKey' },
  });
  requireEnabled(lookup.key);
  const key = lookup.key;
  return { keyArn: key.arn, keyId: key.id, account: key.account, awsManaged: key.manager === 'AWS' };
}

/** CreateGrant for the requester, for the service's own later use of the key (`kms:GrantIsForAWSResource`). */
export function createGrantFor(
  call: CallContext,
  keyIdOrAlias: string,
  grant: ServiceGrant,
  viaService: ViaService,
): string {
  const store = KmsStore.of(call.deps.storage.db);
  const lookup = serviceKey(store, call, keyIdOrAlias);
  const wanted = { ...grant, retiring: grant.retiring, constraints: undefined, name: undefined };
  authorizeFor(store, call, viaService, {
    action: 'kms:CreateGrant',
    lookup,
    crossAccount: true,
    grant: { operation: 'CreateGrant', child: { operations: grant.operations, constraints: undefined } },
    context: createGrantContext(wanted, true),
  });
  requireEnabled(lookup.key);
  return storeGrant(store, lookup.key, wanted, principalIds(call.deps), call.now).id;
}

function serviceKey(store: KmsStore, call: CallContext, keyIdOrAlias: string): KeyLookup {
  const ref = readKeyReference(keyIdOrAlias);
  if (ref.kind === 'alias-name' && isPredefinedAlias(ref.name)) {
    return {
      key: ensureManagedKey(store, callerAccount(call), call.region, ref.name, call.now),
      requestAlias: ref.name,
    };
  }
  return resolveKey(store, call, keyIdOrAlias, { aliases: true });
}

function authorizeFor(store: KmsStore, call: CallContext, viaService: ViaService, spec: KeyTargetSpec): void {
  call.authorize(keyTarget(store, call, { ...spec, viaService }));
}
