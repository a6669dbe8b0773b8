// The account password policy (one per account, stored as the settings UpdateAccountPasswordPolicy gave) and the
// check a new IAM user password must pass.
import type { Database } from '../../../storage/db.js';

export interface PasswordPolicy {
  readonly MinimumPasswordLength: number;
  readonly RequireSymbols: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireUppercaseCharacters: boolean;
  readonly RequireLowercaseCharacters: boolean;
  readonly AllowUsersToChangePassword: boolean;
  readonly MaxPasswordAge?: number;
  readonly PasswordReusePrevention?: number;
  readonly HardExpiry?: boolean;
}

/** What an UpdateAccountPasswordPolicy call leaves unset reverts to these (recorded from AWS). */
export const DEFAULT_POLICY: PasswordPolicy = {
  MinimumPasswordLength: 6,
  RequireSymbols: false,
  RequireNumbers: false,
  RequireUppercaseCharacters: false,
  RequireLowercaseCharacters: false,
  AllowUsersToChangePassword: false,
};

/** Without a custom policy, IAM user passwords need at least eight characters (IAM User Guide). */
const NO_POLICY_MINIMUM = 8;

export class PasswordPolicies {
  constructor(private readonly db: Database) {}

  find(account: string): PasswordPolicy | undefined {
    const row = this.db
      .prepare<[string], { settings: string }>('SELECT settings FROM iam_password_policies WHERE account = ?')
      .get(account);
    return row ? (JSON.parse(row.settings) as PasswordPolicy) : undefined;
  }

  put(account: string, policy: PasswordPolicy): void {
    this.db
      .prepare(
        `INSERT INTO iam_password_policies (account, settings) VALUES (?, ?)
         ON CONFLICT (account) DO UPDATE SET settings = excluded.settings`,
      )
      .run(account, JSON.stringify(policy));
  }

  /** False when there was none. */
  delete(account: string): boolean {
    return this.db.prepare('DELETE FROM iam_password_policies WHERE account = ?').run(account).changes > 0;
  }
}

/** The first rule of the policy the password breaks, worded as IAM's PasswordPolicyViolation; undefined when none. */
export function passwordViolation(policy: PasswordPolicy | undefined, password: string): string | undefined {
  const minimum = policy?.MinimumPasswordLength ?? NO_POLICY_MINIMUM;
  if (password.length < minimum) return `Password should have a minimum length of ${minimum}`;
  if (policy === undefined) return undefined;
  if (policy.RequireLowercaseCharacters && !/[a-z]/.test(password)) {
    return 'Password should have at least one lowercase letter';
  }
  if (policy.RequireUppercaseCharacters && !/[A-Z]/.test(password)) {
    return 'Password should have at least one uppercase letter';
  }
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return 'Password should have at least one number';
  if (policy.RequireSymbols && !/[!@#$%^&*()_+\-=[\]{}|']/.test(password)) {
    return 'Password should have at least one symbol';
  }
  return undefined;
}
