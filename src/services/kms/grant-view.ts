// A grant as ListGrants and ListRetirableGrants return it. A grantee or retiring principal that was deleted since
// the grant was made (or deleted and re-created) shows as the unique id the grant was bound to, as AWS shows it.
import type { Shaped } from '../../protocol/index.js';
import { boundValue, type PrincipalIdLookup } from '../bound-principals.js';
import type { GrantRecord } from './repos/grants.js';
import type { KeyRecord } from './repos/keys.js';

/** The grantee and retiring principal as they stand now. */
export function grantPrincipals(
  grant: GrantRecord,
  principals: PrincipalIdLookup,
): { readonly grantee: string; readonly retiring: string | undefined } {
  return {
    grantee: boundValue(grant.grantee, grant.principalIds, principals),
    retiring: grant.retiring === undefined ? undefined : boundValue(grant.retiring, grant.principalIds, principals),
  };
}

export function grantEntry(grant: GrantRecord, key: KeyRecord, principals: PrincipalIdLookup): Shaped {
  const { grantee, retiring } = grantPrincipals(grant, principals);
  return {
    KeyId: key.arn,
    GrantId: grant.id,
    Name: grant.name,
    CreationDate: new Date(grant.createdAt),
    GranteePrincipal: grantee,
    RetiringPrincipal: retiring,
    IssuingAccount: `arn:aws:iam::${grant.issuingAccount}:root`,
    Operations: grant.operations,
    Constraints: grant.constraints,
  };
}
