// KMS operations: what each is authorized for and which handler serves it. Key operations name their IAM action,
// whether aliases identify the key, whether other accounts may call them, and the grant operation that may allow
// them (aws-reference 3.2, the API reference's "Cross-account use").
import type { Shaped } from '../../protocol/index.js';
import type { AuthorizationTarget, ServiceOperations } from '../types.js';
import { SYMMETRIC_ALGORITHM } from './crypto/crypto-ops.js';
import { createAliasOperation, deleteAliasOperation, updateAliasOperation } from './handlers/aliases.js';
import { cancelKeyDeletion } from './handlers/cancel-key-deletion.js';
import { createGrantOperation } from './handlers/create-grant.js';
import { createKey, createKeyAuthorization } from './handlers/create-key.js';
import { decryptOperation } from './handlers/decrypt.js';
import { describeKeyOperation } from './handlers/describe-key.js';
import { disableKey } from './handlers/disable-key.js';
import { enableKey } from './handlers/enable-key.js';
import { encrypt } from './handlers/encrypt.js';
import { generateDataKey, generateDataKeyWithoutPlaintext } from './handlers/generate-data-key.js';
import { generateRandom } from './handlers/generate-random.js';
import { getKeyPolicy } from './handlers/get-key-policy.js';
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus } from './handlers/key-rotation.js';
import { listResourceTags, tagResource, untagResource } from './handlers/key-tags.js';
import { listAliases } from './handlers/list-aliases.js';
import { listGrants, listRetirableGrants } from './handlers/list-grants.js';
import { listKeyPolicies } from './handlers/list-key-policies.js';
import { listKeys } from './handlers/list-keys.js';
import { putKeyPolicy } from './handlers/put-key-policy.js';
import { reEncryptOperation } from './handlers/re-encrypt.js';
import { retireGrantOperation, revokeGrant } from './handlers/retire-grant.js';
import { scheduleKeyDeletion } from './handlers/schedule-key-deletion.js';
import { updateKeyDescription } from './handlers/update-key-description.js';
import { contextOf, type KmsEnv, keyOperation } from './key-operation.js';

/** Actions without a resource: IAM policies alone decide. */
function accountAction(action: string): () => AuthorizationTarget {
  return () => ({ action, resource: '*', resourceAccount: undefined });
}

/**
 * ListRetirableGrants is authorized on the retiring principal it names, which must be of the caller's account ("The
 * authorized resource in ListRetirableGrants calls is the retiring principal specified in the request"; API
 * reference): naming another account's principal is a cross-account request no resource policy allows.
 */
function retiringPrincipalTarget(input: Shaped): AuthorizationTarget {
  const principal = String(input.RetiringPrincipal);
  const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
  return { action: 'kms:ListRetirableGrants', resource: principal, resourceAccount: account };
}

const algorithm = (input: Shaped) => ({
  'kms:EncryptionAlgorithm': String(input.EncryptionAlgorithm ?? SYMMETRIC_ALGORITHM),
});

export function kmsOperations(env: KmsEnv): ServiceOperations {
  const crypto = (operation: string) => ({
    action: `kms:${operation}`,
    aliases: true,
    crossAccount: true,
    grantOperation: operation,
    encryptionContext: (input: Shaped) => contextOf(input),
  });
  return {
    CreateKey: { authorization: createKeyAuthorization, handle: (input, call) => createKey(env, input, call) },
    DescribeKey: describeKeyOperation(env),
    ListKeys: { authorization: accountAction('kms:ListKeys'), handle: (input, call) => listKeys(env, input, call) },
    EnableKey: keyOperation(env, { action: 'kms:EnableKey' }, enableKey),
    DisableKey: keyOperation(env, { action: 'kms:DisableKey' }, disableKey),
    ScheduleKeyDeletion: keyOperation(
      env,
      {
        action: 'kms:ScheduleKeyDeletion',
        context: (input) => ({ 'kms:ScheduleKeyDeletionPendingWindowInDays': Number(input.PendingWindowInDays ?? 30) }),
      },
      scheduleKeyDeletion,
    ),
    CancelKeyDeletion: keyOperation(env, { action: 'kms:CancelKeyDeletion' }, cancelKeyDeletion),
    UpdateKeyDescription: keyOperation(env, { action: 'kms:UpdateKeyDescription' }, updateKeyDescription),
    TagResource: keyOperation(env, { action: 'kms:TagResource', context: tagContext }, tagResource),
    UntagResource: keyOperation(
      env,
      { action: 'kms:UntagResource', context: (input) => ({ 'aws:TagKeys': input.TagKeys as string[] }) },
      untagResource,
    ),
    ListResourceTags: keyOperation(env, { action: 'kms:ListResourceTags' }, listResourceTags),
    GetKeyPolicy: keyOperation(env, { action: 'kms:GetKeyPolicy' }, getKeyPolicy),
    PutKeyPolicy: keyOperation(
      env,
      {
        action: 'kms:PutKeyPolicy',
        context: (input) => ({ 'kms:BypassPolicyLockoutSafetyCheck': input.BypassPolicyLockoutSafetyCheck === true }),
      },
      putKeyPolicy,
    ),
    ListKeyPolicies: keyOperation(env, { action: 'kms:ListKeyPolicies' }, listKeyPolicies),
    GetKeyRotationStatus: keyOperation(
      env,
      { action: 'kms:GetKeyRotationStatus', crossAccount: true },
      getKeyRotationStatus,
    ),
    EnableKeyRotation: keyOperation(env, { action: 'kms:EnableKeyRotation' }, enableKeyRotation),
    DisableKeyRotation: keyOperation(env, { action: 'kms:DisableKeyRotation' }, disableKeyRotation),
    CreateAlias: createAliasOperation(env),
    UpdateAlias: updateAliasOperation(env),
    DeleteAlias: deleteAliasOperation(env),
    ListAliases: {
      authorization: accountAction('kms:ListAliases'),
      handle: (input, call) => listAliases(env, input, call),
    },
    Encrypt: keyOperation(env, { ...crypto('Encrypt'), context: algorithm }, encrypt),
    Decrypt: decryptOperation(env),
    ReEncrypt: reEncryptOperation(env),
    GenerateDataKey: keyOperation(env, crypto('GenerateDataKey'), generateDataKey),
    GenerateDataKeyWithoutPlaintext: keyOperation(
      env,
      crypto('GenerateDataKeyWithoutPlaintext'),
      generateDataKeyWithoutPlaintext,
    ),
    GenerateRandom: { authorization: accountAction('kms:GenerateRandom'), handle: generateRandom },
    CreateGrant: createGrantOperation(env),
    ListGrants: keyOperation(env, { action: 'kms:ListGrants', crossAccount: true }, listGrants),
    ListRetirableGrants: {
      authorization: retiringPrincipalTarget,
      handle: (input, call) => listRetirableGrants(env, input, call),
    },
    RetireGrant: retireGrantOperation(env),
    RevokeGrant: keyOperation(env, { action: 'kms:RevokeGrant', crossAccount: true }, revokeGrant),
  };
}

function tagContext(input: Shaped) {
  const tags = input.Tags as { TagKey: string; TagValue: string }[];
  const context: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((t) => t.TagKey) };
  for (const tag of tags) context[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue;
  return context;
}
