// Migration 5: AWS Organizations: organizations and their root, OUs, member accounts, policies and where they are
// attached, enabled policy types, handshakes, CreateAccount requests and tags.
import type { Database } from '../db.js';

export const version = 5;
export const name = 'organizations';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE org_organizations (
      id TEXT PRIMARY KEY,
      management_account TEXT NOT NULL UNIQUE,
      management_email TEXT NOT NULL,
      feature_set TEXT NOT NULL CHECK (feature_set IN ('ALL', 'CONSOLIDATED_BILLING')),
      root_id TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE org_policy_types (
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      PRIMARY KEY (organization_id, type)
    ) STRICT;
    CREATE TABLE org_units (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX org_units_parent ON org_units (parent_id);
    CREATE TABLE org_accounts (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL,
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      joined_method TEXT NOT NULL CHECK (joined_method IN ('INVITED', 'CREATED')),
      joined_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX org_accounts_parent ON org_accounts (parent_id);
    CREATE INDEX org_accounts_organization ON org_accounts (organization_id, joined_at);
    CREATE TABLE org_create_account_requests (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      account_name TEXT NOT NULL,
      state TEXT NOT NULL,
      requested_at INTEGER NOT NULL,
      completed_at INTEGER,
      account_id TEXT,
      failure_reason TEXT
    ) STRICT;
    CREATE INDEX org_create_account_requests_organization ON org_create_account_requests (organization_id);
    CREATE TABLE org_policies (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      content TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      UNIQUE (organization_id, type, name)
    ) STRICT;
    CREATE TABLE org_attachments (
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      policy_id TEXT NOT NULL,
      policy_type TEXT NOT NULL,
      target_id TEXT NOT NULL,
      PRIMARY KEY (organization_id, policy_id, target_id)
    ) STRICT;
    CREATE INDEX org_attachments_target ON org_attachments (organization_id, target_id, policy_type);
    CREATE TABLE org_handshakes (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      action TEXT NOT NULL,
      target_id TEXT NOT NULL,
      target_type TEXT NOT NULL,
      state TEXT NOT NULL,
      notes TEXT,
      requested_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX org_handshakes_target ON org_handshakes (target_id);
    CREATE INDEX org_handshakes_organization ON org_handshakes (organization_id);
    CREATE TABLE org_tags (
      organization_id TEXT NOT NULL REFERENCES org_organizations (id) ON DELETE CASCADE,
      resource_id TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      PRIMARY KEY (organization_id, resource_id, key)
    ) STRICT;
  `);
}
