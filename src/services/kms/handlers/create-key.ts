// CreateKey: a symmetric encryption key with fresh 256-bit material, the given or the default key policy, and tags.
import { randomUUID } from 'node:crypto';
import type { ContextScalar } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../types.js';
import { newKeyMaterial } from '../crypto/ciphertext.js';
import { keyArn } from '../key-ids.js';
import { keyMetadata } from '../key-metadata.js';
import type { KmsEnv } from '../key-operation.js';
import { defaultKeyPolicy } from '../key-policies.js';
import { callerAccount } from '../key-resolver.js';
import { unsupported, validation } from '../kms-errors.js';
import type { KeyTag } from '../repos/key-tags.js';
import { checkTags } from './key-tags.js';
import { checkNewKeyPolicy } from './put-key-policy.js';

const SYMMETRIC = 'SYMMETRIC_DEFAULT';

export function createKeyAuthorization(input: Shaped): AuthorizationTarget[] {
  const tags = (input.Tags as KeyTag[] | undefined) ?? [];
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = {
    'kms:KeySpec': String(input.KeySpec ?? input.CustomerMasterKeySpec ?? SYMMETRIC),
    'kms:KeyUsage': String(input.KeyUsage ?? 'ENCRYPT_DECRYPT'),
    'kms:KeyOrigin': String(input.Origin ?? 'AWS_KMS'),
    'kms:MultiRegion': input.MultiRegion === true,
    'kms:BypassPolicyLockoutSafetyCheck': input.BypassPolicyLockoutSafetyCheck === true,
  };
  for (const tag of tags) context[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue;
  if (tags.length > 0) context['aws:TagKeys'] = tags.map((t) => t.TagKey);
  const create: AuthorizationTarget = { action: 'kms:CreateKey', resource: '*', resourceAccount: undefined, context };
  // Tagging at creation also needs kms:TagResource in an IAM policy (the key does not exist yet).
  return tags.length === 0 ? [create] : [create, { ...create, action: 'kms:TagResource' }];
}

export function createKey(env: KmsEnv, input: Shaped, call: CallContext): Shaped {
  checkSupported(input);
  const tags = (input.Tags as KeyTag[] | undefined) ?? [];
  checkTags(tags);
  const account = callerAccount(call);
  const id = randomUUID();
  const arn = keyArn(call.region, account, id);
  const policy = typeof input.Policy === 'string' ? input.Policy : defaultKeyPolicy(account);
  const policyPrincipalIds =
    typeof input.Policy === 'string'
      ? checkNewKeyPolicy(env, call, arn, account, policy, input.BypassPolicyLockoutSafetyCheck === true)
      : {};
  env.store.db.transaction(() => {
    env.store.keys.insert({
      id,
      account,
      region: call.region,
      description: typeof input.Description === 'string' ? input.Description : '',
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: SYMMETRIC,
      origin: 'AWS_KMS',
      manager: 'CUSTOMER',
      state: 'Enabled',
      createdAt: call.now,
      deletionDate: undefined,
      pendingWindowDays: undefined,
      rotationPeriodDays: undefined,
      policy,
      policyPrincipalIds,
      material: newKeyMaterial(),
    });
    env.store.tags.put(id, tags);
  });
  return { KeyMetadata: keyMetadata(env.store.keys.byId(id)!) };
}

/** xacct makes symmetric encryption keys only; other kinds are refused rather than half made. */
function checkSupported(input: Shaped): void {
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    throw validation('You cannot specify KeySpec and CustomerMasterKeySpec in the same request.');
  }
  const spec = String(input.KeySpec ?? input.CustomerMasterKeySpec ?? SYMMETRIC);
  if (spec !== SYMMETRIC && input.KeyUsage === undefined) {
    throw validation('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
  }
  const usage = String(input.KeyUsage ?? 'ENCRYPT_DECRYPT');
  if (spec !== SYMMETRIC || usage !== 'ENCRYPT_DECRYPT') {
    throw unsupported(`xacct supports only symmetric encryption keys; KeySpec ${spec} with KeyUsage ${usage} is not.`);
  }
  if ((input.Origin ?? 'AWS_KMS') !== 'AWS_KMS' || input.CustomKeyStoreId !== undefined) {
    throw unsupported('xacct supports only keys with Origin AWS_KMS, outside custom key stores.');
  }
  if (input.MultiRegion === true) throw unsupported('xacct does not support multi-Region keys.');
}
