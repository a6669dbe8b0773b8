// RetireGrant and RevokeGrant: both delete a grant. Revoking is a key administrator's act (kms:RevokeGrant in the
// key policy); retiring is decided by the grant: its retiring principal, its grantee when the grant includes
// RetireGrant, and principals of the account that issued it.
import { AwsError } from '../../../core/aws-error.js';
import { compilePolicy } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation } from '../../types.js';
import { retireFallback } from '../authorization/grant-decision.js';
import type { KeyHandler, KmsEnv } from '../key-operation.js';
import { keyIn, resolveKey } from '../key-resolver.js';
import { dryRunSucceeded, validation } from '../kms-errors.js';
import type { GrantRecord } from '../repos/grants.js';
import type { KeyRecord } from '../repos/keys.js';

function grantNotFound(grantId: string): AwsError {
  return new AwsError('NotFoundException', `Grant ID ${grantId} not found`);
}

function grantOf(env: KmsEnv, input: Shaped, call: CallContext): { grant: GrantRecord; key: KeyRecord } {
  if (typeof input.GrantToken === 'string') {
    const grant = env.store.grants.byToken(input.GrantToken);
    const key = grant && env.store.keys.byId(grant.keyId);
    if (grant === undefined || key === undefined)
      throw new AwsError('InvalidGrantTokenException', 'Invalid grant token');
    return { grant, key: keyIn(env.store, call, key.account, key.region, key.id) };
  }
  if (typeof input.KeyId !== 'string' || typeof input.GrantId !== 'string') {
    throw validation('Either a GrantToken, or both a KeyId and a GrantId, must be specified.');
  }
  return grantOnKey(env, call, input.KeyId, input.GrantId);
}

function grantOnKey(
  env: KmsEnv,
  call: CallContext,
  keyId: string,
  grantId: string,
): { grant: GrantRecord; key: KeyRecord } {
  const { key } = resolveKey(env.store, call, keyId, { aliases: false });
  const grant = env.store.grants.byId(grantId);
  if (grant === undefined || grant.keyId !== key.id) throw grantNotFound(grantId);
  return { grant, key };
}

function retireTarget(grant: GrantRecord, key: KeyRecord, call: CallContext): AuthorizationTarget {
  const { policy } = compilePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${grant.issuingAccount}:root` },
          Action: 'kms:RetireGrant',
          Resource: '*',
        },
      ],
    },
    'kms-key',
    `kms-grant:${grant.id}`,
  );
  return {
    action: 'kms:RetireGrant',
    resource: key.arn,
    resourceAccount: key.account,
    resourcePolicy: policy,
    resourcePolicyRequired: true,
    context: { 'kms:CallerAccount': call.caller.account ?? '' },
    onImplicitDeny: retireFallback(grant, call.caller),
  };
}

export function retireGrantOperation(env: KmsEnv): ServiceOperation {
  return {
    authorization: (input, call) => {
      const { grant, key } = grantOf(env, input, call);
      return retireTarget(grant, key, call);
    },
    handle: (input, call) => {
      const { grant } = grantOf(env, input, call);
      if (input.DryRun === true) throw dryRunSucceeded();
      env.store.grants.delete(grant.id);
      return {};
    },
  };
}

export const revokeGrant: KeyHandler = (input, call, { key }, env) => {
  const { grant } = grantOnKey(env, call, key.arn, String(input.GrantId));
  env.store.grants.delete(grant.id);
  return {};
};
