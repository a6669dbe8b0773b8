// A grant as ListGrants and ListRetirableGrants return it.
import type { Shaped } from '../../protocol/index.js';
import type { GrantRecord } from './repos/grants.js';
import type { KeyRecord } from './repos/keys.js';

export function grantEntry(grant: GrantRecord, key: KeyRecord): Shaped {
  return {
    KeyId: key.arn,
    GrantId: grant.id,
    Name: grant.name,
    CreationDate: new Date(grant.createdAt),
    GranteePrincipal: grant.grantee,
    RetiringPrincipal: grant.retiring,
    IssuingAccount: `arn:aws:iam::${grant.issuingAccount}:root`,
    Operations: grant.operations,
    Constraints: grant.constraints,
  };
}
