// CreateAlias, UpdateAlias and DeleteAlias. Each needs permission on the alias (IAM policy) and on every key it
// points at before and after (key policy); aliases and their keys live in the caller's account and region.
import { AwsError } from '../../../core/aws-error.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation } from '../../types.js';
import { checkCustomerAliasName } from '../alias-names.js';
import { keyTarget } from '../authorization/key-target.js';
import { aliasArn, readKeyReference } from '../key-ids.js';
import type { KmsEnv } from '../key-operation.js';
import { callerAccount, requireNotPendingDeletion, resolveKey } from '../key-resolver.js';
import { aliasNotFound, validation } from '../kms-errors.js';
import { isDeleted, type KeyRecord } from '../repos/keys.js';

function targetKey(env: KmsEnv, call: CallContext, input: Shaped): KeyRecord {
  const text = String(input.TargetKeyId);
  const kind = readKeyReference(text).kind;
  if (kind === 'alias-name' || kind === 'alias-arn') throw validation('Aliases must refer to keys. Not aliases');
  return resolveKey(env.store, call, text, { aliases: false }).key;
}

/** The key an existing alias points at; an alias of a deleted key is gone with it. */
function aliasedKey(env: KmsEnv, call: CallContext, name: string): KeyRecord {
  const account = callerAccount(call);
  const alias = env.store.aliases.find(account, call.region, name);
  const key = alias && env.store.keys.byId(alias.keyId);
  if (key === undefined || isDeleted(key, call.now)) throw aliasNotFound(aliasArn(call.region, account, name));
  return key;
}

function targets(
  env: KmsEnv,
  call: CallContext,
  action: string,
  name: string,
  keys: KeyRecord[],
): AuthorizationTarget[] {
  const account = callerAccount(call);
  const onAlias: AuthorizationTarget = {
    action,
    resource: aliasArn(call.region, account, name),
    resourceAccount: account,
    context: { 'kms:CallerAccount': account },
  };
  return [
    onAlias,
    ...keys.map((key) =>
      keyTarget(env.store, call, { action, lookup: { key, requestAlias: undefined }, crossAccount: false }),
    ),
  ];
}

export function createAliasOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) => {
      checkCustomerAliasName(String(input.AliasName));
      return targets(env, call, 'kms:CreateAlias', String(input.AliasName), [targetKey(env, call, input)]);
    },
    handle: (input, call) => {
      const name = String(input.AliasName);
      const key = targetKey(env, call, input);
      requireNotPendingDeletion(key);
      const account = callerAccount(call);
      env.store.db.transaction(() => {
        if (env.store.aliases.find(account, call.region, name) !== undefined) {
          throw new AwsError(
            'AlreadyExistsException',
            `An alias with the name ${aliasArn(call.region, account, name)} already exists`,
          );
        }
        env.store.aliases.insert({
          account,
          region: call.region,
          name,
          keyId: key.id,
          createdAt: call.now,
          updatedAt: call.now,
        });
      });
      return {};
    },
  };
}

export function updateAliasOperation(env: KmsEnv): ServiceOperation {
  const keysOf = (input: Shaped, call: CallContext): { current: KeyRecord; next: KeyRecord } => {
    return { current: aliasedKey(env, call, String(input.AliasName)), next: targetKey(env, call, input) };
  };
  return {
    authorization: (input, call) => {
      checkCustomerAliasName(String(input.AliasName));
      const { current, next } = keysOf(input, call);
      return targets(env, call, 'kms:UpdateAlias', String(input.AliasName), [current, next]);
    },
    handle: (input, call) => {
      const { next } = keysOf(input, call);
      requireNotPendingDeletion(next);
      env.store.aliases.retarget(callerAccount(call), call.region, String(input.AliasName), next.id, call.now);
      return {};
    },
  };
}

export function deleteAliasOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) => {
      const name = String(input.AliasName);
      checkCustomerAliasName(name);
      return targets(env, call, 'kms:DeleteAlias', name, [aliasedKey(env, call, name)]);
    },
    handle: (input, call) => {
      aliasedKey(env, call, String(input.AliasName));
      env.store.aliases.delete(callerAccount(call), call.region, String(input.AliasName));
      return {};
    },
  };
}
