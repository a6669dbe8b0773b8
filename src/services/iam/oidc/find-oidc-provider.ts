// The OIDC provider an account registered for an issuer, as AssumeRoleWithWebIdentity looks it up by the token's
// `iss` claim (which carries the scheme; IAM keys providers without it).
import type { Database } from '../../../storage/db.js';
import type { OidcProviderRecord } from '../../types.js';
import { OidcProviders } from './oidc-providers.js';

export function findOidcProvider(db: Database, account: string, url: string): OidcProviderRecord | undefined {
  const found = new OidcProviders(db).findByUrl(account, url);
  return found && { arn: found.arn, url: found.url, clientIds: found.clientIds, thumbprints: found.thumbprints };
}
