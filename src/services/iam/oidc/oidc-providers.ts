// The OpenID Connect identity providers table: one per issuer URL per account, named by an ARN built from the URL
// without its scheme (`arn:aws:iam::ACCT:oidc-provider/token.actions.githubusercontent.com`).

import type { Database } from '../../../storage/db.js';
import type { OidcProviderRecord } from '../../types.js';

export interface StoredOidcProvider extends OidcProviderRecord {
  readonly account: string;
  readonly createdAt: number;
}

interface Row {
  arn: string;
  account: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  created_at: number;
}

/** The issuer URL as IAM keys it: without `https://` (or `http://`, for xacct's own local issuer). */
export function providerKey(url: string): string {
  return url.replace(/^https?:\/\//i, '');
}

export function oidcProviderArn(account: string, url: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${providerKey(url)}`;
}

export class OidcProviders {
  constructor(private readonly db: Database) {}

  /** False when the account already has a provider for the URL. */
  create(provider: StoredOidcProvider): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO iam_oidc_providers (arn, account, url, client_ids, thumbprints, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        provider.arn,
        provider.account,
        provider.url,
        JSON.stringify(provider.clientIds),
        JSON.stringify(provider.thumbprints),
        provider.createdAt,
      );
    return result.changes === 1;
  }

  find(arn: string): StoredOidcProvider | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM iam_oidc_providers WHERE arn = ?').get(arn);
    return row ? toRecord(row) : undefined;
  }

  findByUrl(account: string, url: string): StoredOidcProvider | undefined {
    const row = this.db
      .prepare<[string, string], Row>('SELECT * FROM iam_oidc_providers WHERE account = ? AND url = ?')
      .get(account, providerKey(url));
    return row ? toRecord(row) : undefined;
  }

  list(account: string): StoredOidcProvider[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM iam_oidc_providers WHERE account = ? ORDER BY arn')
      .all(account)
      .map(toRecord);
  }

  setClientIds(arn: string, clientIds: readonly string[]): void {
    this.db.prepare('UPDATE iam_oidc_providers SET client_ids = ? WHERE arn = ?').run(JSON.stringify(clientIds), arn);
  }

  setThumbprints(arn: string, thumbprints: readonly string[]): void {
    this.db
      .prepare('UPDATE iam_oidc_providers SET thumbprints = ? WHERE arn = ?')
      .run(JSON.stringify(thumbprints), arn);
  }

  delete(arn: string): void {
    this.db.prepare('DELETE FROM iam_oidc_providers WHERE arn = ?').run(arn);
  }
}

function toRecord(row: Row): StoredOidcProvider {
  return {
    arn: row.arn,
    account: row.account,
    url: row.url,
    clientIds: JSON.parse(row.client_ids) as string[],
    thumbprints: JSON.parse(row.thumbprints) as string[],
    createdAt: row.created_at,
  };
}
