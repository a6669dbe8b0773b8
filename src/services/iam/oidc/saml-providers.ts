// The SAML identity providers table: the metadata document is kept so that trust policies can name the provider;
// xacct does not accept SAML assertions.
import type { Database } from '../../../storage/db.js';

export type AssertionEncryptionMode = 'Allowed' | 'Required';

export interface SamlProviderRecord {
  readonly arn: string;
  readonly account: string;
  readonly name: string;
  /** SAMLProviderUUID: upper-case letters and digits. */
  readonly providerId: string;
  readonly metadata: string;
  readonly assertionEncryptionMode: AssertionEncryptionMode;
  readonly createdAt: number;
  readonly validUntil: number;
}

interface Row {
  arn: string;
  account: string;
  name: string;
  provider_id: string;
  metadata: string;
  assertion_encryption_mode: AssertionEncryptionMode;
  created_at: number;
  valid_until: number;
}

export function samlProviderArn(account: string, name: string): string {
  return `arn:aws:iam::${account}:saml-provider/${name}`;
}

export class SamlProviders {
  constructor(private readonly db: Database) {}

  /** False when a provider of that name exists in the account. */
  create(p: SamlProviderRecord): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO iam_saml_providers
           (arn, account, name, provider_id, metadata, assertion_encryption_mode, created_at, valid_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.arn, p.account, p.name, p.providerId, p.metadata, p.assertionEncryptionMode, p.createdAt, p.validUntil);
    return result.changes === 1;
  }

  find(arn: string): SamlProviderRecord | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM iam_saml_providers WHERE arn = ?').get(arn);
    return row ? toRecord(row) : undefined;
  }

  list(account: string): SamlProviderRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM iam_saml_providers WHERE account = ? ORDER BY arn')
      .all(account)
      .map(toRecord);
  }

  update(arn: string, changes: { metadata: string; validUntil: number; mode: AssertionEncryptionMode }): void {
    this.db
      .prepare(
        'UPDATE iam_saml_providers SET metadata = ?, valid_until = ?, assertion_encryption_mode = ? WHERE arn = ?',
      )
      .run(changes.metadata, changes.validUntil, changes.mode, arn);
  }

  delete(arn: string): void {
    this.db.prepare('DELETE FROM iam_saml_providers WHERE arn = ?').run(arn);
  }
}

function toRecord(row: Row): SamlProviderRecord {
  return {
    arn: row.arn,
    account: row.account,
    name: row.name,
    providerId: row.provider_id,
    metadata: row.metadata,
    assertionEncryptionMode: row.assertion_encryption_mode,
    createdAt: row.created_at,
    validUntil: row.valid_until,
  };
}
