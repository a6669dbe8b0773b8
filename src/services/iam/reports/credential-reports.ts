// The latest credential report of each account, kept until a newer one replaces it.
import type { Database } from '../../../storage/db.js';

export interface StoredReport {
  readonly generatedAt: number;
  readonly content: string;
}

export class CredentialReports {
  constructor(private readonly db: Database) {}

  find(account: string): StoredReport | undefined {
    const row = this.db
      .prepare<[string], { generated_at: number; content: string }>(
        'SELECT generated_at, content FROM iam_credential_reports WHERE account = ?',
      )
      .get(account);
    return row && { generatedAt: row.generated_at, content: row.content };
  }

  put(account: string, report: StoredReport): void {
    this.db
      .prepare(
        `INSERT INTO iam_credential_reports (account, generated_at, content) VALUES (?, ?, ?)
         ON CONFLICT (account) DO UPDATE SET generated_at = excluded.generated_at, content = excluded.content`,
      )
      .run(account, report.generatedAt, report.content);
  }
}
