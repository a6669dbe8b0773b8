// Migration 4: STS sessions (the temporary credentials STS issued, with the caller each stands for) and the
// issuers xacct's OIDC issuer has minted tokens for. Times are milliseconds since the epoch.
import type { Database } from '../db.js';

export const version = 4;
export const name = 'sts';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sts_sessions (
      access_key_id TEXT PRIMARY KEY,
      secret_access_key TEXT NOT NULL,
      token_sha256 TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('root', 'user', 'role-session', 'federated-user')),
      account TEXT NOT NULL,
      principal TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_name TEXT,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      policies TEXT NOT NULL,
      tags TEXT NOT NULL,
      transitive_tag_keys TEXT NOT NULL,
      source_identity TEXT,
      mfa_authenticated_at INTEGER,
      chained_from_role INTEGER NOT NULL CHECK (chained_from_role IN (0, 1)),
      federated_provider TEXT
    ) STRICT;
    CREATE INDEX sts_sessions_expiry ON sts_sessions (expires_at);
    CREATE TABLE sts_oidc_issuers (
      issuer TEXT PRIMARY KEY,
      first_minted_at INTEGER NOT NULL
    ) STRICT;
  `);
}
