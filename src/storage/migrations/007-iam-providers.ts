// Migration 7: IAM's account-level state besides identities and policies: virtual MFA devices, OIDC and SAML
// identity providers, login profiles, the password policy and credential reports. Times are milliseconds since the
// epoch; tags of these resources live in iam_tags (migration 3) under their ARNs.
import type { Database } from '../db.js';

export const version = 7;
export const name = 'iam-providers';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE iam_mfa_devices (
      serial_number TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      seed TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      user_id TEXT REFERENCES iam_users (id) ON DELETE SET NULL,
      assigned_root INTEGER NOT NULL DEFAULT 0 CHECK (assigned_root IN (0, 1)),
      enabled_at INTEGER,
      last_step INTEGER,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE INDEX iam_mfa_devices_user ON iam_mfa_devices (user_id);
    CREATE TABLE iam_oidc_providers (
      arn TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      url TEXT NOT NULL,
      client_ids TEXT NOT NULL,
      thumbprints TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (account, url)
    ) STRICT;
    CREATE TABLE iam_saml_providers (
      arn TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      provider_id TEXT NOT NULL UNIQUE,
      metadata TEXT NOT NULL,
      assertion_encryption_mode TEXT NOT NULL CHECK (assertion_encryption_mode IN ('Allowed', 'Required')),
      created_at INTEGER NOT NULL,
      valid_until INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE iam_login_profiles (
      user_id TEXT PRIMARY KEY REFERENCES iam_users (id) ON DELETE CASCADE,
      password_hash TEXT NOT NULL,
      reset_required INTEGER NOT NULL CHECK (reset_required IN (0, 1)),
      created_at INTEGER NOT NULL,
      changed_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE iam_password_policies (
      account TEXT PRIMARY KEY,
      settings TEXT NOT NULL
    ) STRICT;
    CREATE TABLE iam_credential_reports (
      account TEXT PRIMARY KEY,
      generated_at INTEGER NOT NULL,
      content TEXT NOT NULL
    ) STRICT;
  `);
}
