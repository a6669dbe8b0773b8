// Finds the key a `KeyId` parameter names, as KMS does: a bare key id or alias name is looked up in the caller's
// account; only an ARN reaches another account; an ARN of another region is refused.
import type { CallContext } from '../types.js';
import { aliasArn, keyArn, readKeyReference } from './key-ids.js';
import {
  aliasNotFound,
  invalidArnRegion,
  invalidKeyId,
  keyDisabled,
  keyNotFound,
  keyPendingDeletion,
} from './kms-errors.js';
import type { KmsStore } from './kms-store.js';
import { isDeleted, type KeyRecord } from './repos/keys.js';

export interface KeyLookup {
  readonly key: KeyRecord;
  /** The alias name the request named the key by, for `kms:RequestAlias`. */
  readonly requestAlias: string | undefined;
}

export interface ResolveOptions {
  /** Whether the operation accepts alias names and alias ARNs. */
  readonly aliases: boolean;
}

export function callerAccount(call: CallContext): string {
  return call.caller.account ?? '';
}

export function resolveKey(store: KmsStore, call: CallContext, text: string, options: ResolveOptions): KeyLookup {
  const ref = readKeyReference(text);
  const account = callerAccount(call);
  switch (ref.kind) {
    case 'key-id':
      return { key: keyIn(store, call, account, call.region, ref.id), requestAlias: undefined };
    case 'key-arn':
      if (ref.region !== call.region) throw invalidArnRegion(ref.region);
      return { key: keyIn(store, call, ref.account, ref.region, ref.id), requestAlias: undefined };
    case 'alias-name':
      if (!options.aliases) throw invalidKeyId(text);
      return aliasIn(store, call, account, ref.name);
    case 'alias-arn':
      if (!options.aliases) throw invalidKeyId(text);
      if (ref.region !== call.region) throw invalidArnRegion(ref.region);
      return aliasIn(store, call, ref.account, ref.name);
    case 'invalid':
      throw invalidKeyId(text);
  }
}

/** The key by id, in exactly that account and region and not deleted. */
export function keyIn(store: KmsStore, call: CallContext, account: string, region: string, id: string): KeyRecord {
  const key = store.keys.byId(id);
  if (key === undefined || key.account !== account || key.region !== region || isDeleted(key, call.now)) {
    throw keyNotFound(keyArn(region, account, id));
  }
  return key;
}

function aliasIn(store: KmsStore, call: CallContext, account: string, name: string): KeyLookup {
  const alias = store.aliases.find(account, call.region, name);
  const key = alias && store.keys.byId(alias.keyId);
  if (key === undefined || isDeleted(key, call.now)) throw aliasNotFound(aliasArn(call.region, account, name));
  return { key, requestAlias: name };
}

/** Cryptographic operations need an enabled key. */
export function requireEnabled(key: KeyRecord): void {
  if (key.state === 'Disabled') throw keyDisabled(key.arn);
  if (key.state === 'PendingDeletion') throw keyPendingDeletion(key.arn);
}

/** Changes to a key (policy, description, tags, aliases) are refused while it waits for deletion. */
export function requireNotPendingDeletion(key: KeyRecord): void {
  if (key.state === 'PendingDeletion') throw keyPendingDeletion(key.arn);
}
