// Grants as requests make them: the grant a CreateGrant asks for, its condition keys, and storing it (a named
// grant is idempotent: the same request again finds the same grant). Shared by CreateGrant and by services that
// create grants for themselves. A grantee or retiring principal that is an IAM user or role is bound to its unique
// id, as in key policies (bound-principals.ts).
import { randomBytes } from 'node:crypto';
import type { ContextScalar } from '../../policy/index.js';
import type { Shaped } from '../../protocol/index.js';
import { bindPrincipals, type PrincipalIdLookup, type PrincipalIds } from '../bound-principals.js';
import { encryptionContextKeys } from './authorization/key-target.js';
import { invalidGrantPrincipal } from './kms-errors.js';
import type { KmsStore } from './kms-store.js';
import type { GrantConstraints, GrantRecord } from './repos/grants.js';
import type { KeyRecord } from './repos/keys.js';

export interface NewGrant {
  readonly grantee: string;
  readonly retiring: string | undefined;
  readonly operations: readonly string[];
  readonly constraints: GrantConstraints | undefined;
  readonly name: string | undefined;
}

export function newGrantOf(input: Shaped): NewGrant {
  return {
    grantee: String(input.GranteePrincipal),
    retiring: typeof input.RetiringPrincipal === 'string' ? input.RetiringPrincipal : undefined,
    operations: input.Operations as string[],
    constraints: input.Constraints as GrantConstraints | undefined,
    name: typeof input.Name === 'string' ? input.Name : undefined,
  };
}

/** The condition keys of a CreateGrant request. */
export function createGrantContext(
  grant: NewGrant,
  forAwsResource: boolean,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = {
    'kms:GranteePrincipal': grant.grantee,
    'kms:GrantOperations': grant.operations,
    'kms:GrantIsForAWSResource': forAwsResource,
    ...encryptionContextKeys(grant.constraints?.EncryptionContextEquals ?? grant.constraints?.EncryptionContextSubset),
  };
  if (grant.retiring !== undefined) context['kms:RetiringPrincipal'] = grant.retiring;
  const types = Object.keys(grant.constraints ?? {});
  if (types.length > 0) context['kms:GrantConstraintType'] = types;
  return context;
}

/**
 * Stores the grant, or finds the identical named grant made before (to the same principals: a re-created one is
 * another). Throws InvalidArnException when the grant names an IAM user or role that does not exist.
 */
export function storeGrant(
  store: KmsStore,
  key: KeyRecord,
  grant: NewGrant,
  principals: PrincipalIdLookup,
  now: number,
): GrantRecord {
  const named = grant.retiring === undefined ? [grant.grantee] : [grant.grantee, grant.retiring];
  const { ids, unknown } = bindPrincipals(named, principals);
  if (unknown.length > 0) throw invalidGrantPrincipal(unknown[0]!);
  return store.db.transaction(() => {
    const same =
      grant.name === undefined ? undefined : store.grants.forKey(key.id).find((g) => sameGrant(g, grant, ids));
    if (same !== undefined) return same;
    const record: GrantRecord = {
      id: randomBytes(32).toString('hex'),
      keyId: key.id,
      ...grant,
      principalIds: ids,
      issuingAccount: key.account,
      createdAt: now,
      token: randomBytes(48).toString('base64'),
    };
    store.grants.insert(record);
    return record;
  });
}

function sameGrant(existing: GrantRecord, grant: NewGrant, ids: PrincipalIds): boolean {
  return (
    existing.name === grant.name &&
    existing.grantee === grant.grantee &&
    existing.retiring === grant.retiring &&
    JSON.stringify(existing.principalIds) === JSON.stringify(ids) &&
    JSON.stringify([...existing.operations].sort()) === JSON.stringify([...grant.operations].sort()) &&
    JSON.stringify(existing.constraints ?? null) === JSON.stringify(grant.constraints ?? null)
  );
}
