// Migration 3: IAM identities (users, groups, roles, instance profiles), customer managed policies and their
// versions, policy attachments, inline policies, tags and access keys. Names are unique per account ignoring case,
// as IAM has them; times are milliseconds since the epoch.
import type { Database } from '../db.js';

export const version = 3;
export const name = 'iam';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE iam_users (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      permissions_boundary TEXT,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE TABLE iam_groups (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE TABLE iam_group_members (
      group_id TEXT NOT NULL REFERENCES iam_groups (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES iam_users (id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, user_id)
    ) STRICT;
    CREATE INDEX iam_group_members_user ON iam_group_members (user_id);
    CREATE TABLE iam_roles (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      trust_policy TEXT NOT NULL,
      trust_principal_ids TEXT NOT NULL,
      description TEXT,
      max_session_duration INTEGER NOT NULL,
      permissions_boundary TEXT,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE TABLE iam_instance_profiles (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE TABLE iam_instance_profile_roles (
      profile_id TEXT NOT NULL REFERENCES iam_instance_profiles (id) ON DELETE CASCADE,
      role_id TEXT NOT NULL REFERENCES iam_roles (id),
      PRIMARY KEY (profile_id, role_id)
    ) STRICT;
    CREATE INDEX iam_instance_profile_roles_role ON iam_instance_profile_roles (role_id);
    CREATE TABLE iam_policies (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      name TEXT NOT NULL,
      name_lower TEXT NOT NULL,
      path TEXT NOT NULL,
      arn TEXT NOT NULL UNIQUE,
      description TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      default_version TEXT NOT NULL,
      next_version INTEGER NOT NULL,
      UNIQUE (account, name_lower)
    ) STRICT;
    CREATE TABLE iam_policy_versions (
      policy_id TEXT NOT NULL REFERENCES iam_policies (id) ON DELETE CASCADE,
      version_id TEXT NOT NULL,
      document TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (policy_id, version_id)
    ) STRICT;
    CREATE TABLE iam_attachments (
      account TEXT NOT NULL,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'group', 'role')),
      entity_id TEXT NOT NULL,
      policy_arn TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (entity_type, entity_id, policy_arn)
    ) STRICT;
    CREATE INDEX iam_attachments_policy ON iam_attachments (account, policy_arn);
    CREATE TABLE iam_inline_policies (
      entity_type TEXT NOT NULL CHECK (entity_type IN ('user', 'group', 'role')),
      entity_id TEXT NOT NULL,
      name TEXT NOT NULL,
      document TEXT NOT NULL,
      PRIMARY KEY (entity_type, entity_id, name)
    ) STRICT;
    CREATE TABLE iam_tags (
      resource_type TEXT NOT NULL,
      resource_id TEXT NOT NULL,
      key TEXT NOT NULL,
      key_lower TEXT NOT NULL,
      value TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (resource_type, resource_id, key_lower)
    ) STRICT;
    CREATE TABLE iam_access_keys (
      id TEXT PRIMARY KEY,
      account TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES iam_users (id),
      secret TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
      created_at INTEGER NOT NULL,
      last_used_at INTEGER,
      last_used_service TEXT,
      last_used_region TEXT
    ) STRICT;
    CREATE INDEX iam_access_keys_user ON iam_access_keys (user_id);
  `);
}
