// Migration 14: the unique ids the IAM users and roles named by a key policy and by a grant resolved to when they
// were saved (JSON objects ARN → id; see services/bound-principals.ts). Rows saved before have none, and match by
// ARN until they are saved again.
import type { Database } from '../db.js';

export const version = 14;
export const name = 'kms-principal-ids';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE kms_keys ADD COLUMN policy_principal_ids TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE kms_grants ADD COLUMN principal_ids TEXT NOT NULL DEFAULT '{}';
  `);
}
