// The credential report: one CSV line for the root user and one per IAM user, in AWS's columns and value words
// (`N/A` where a credential does not exist, `no_information` where its use was never recorded).
import { isoSeconds } from '../../../core/clock.js';
import type { Database } from '../../../storage/db.js';
import { LoginProfiles } from '../account/login-profiles.js';
import { PasswordPolicies } from '../account/password-policies.js';
import type { IamContext } from '../iam-context.js';
import { MfaDevices } from '../mfa/mfa-devices.js';
import type { AccessKeyRecord } from '../repos/access-keys.js';
import type { UserRecord } from '../repos/users.js';

const HEADER = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  ...[1, 2].flatMap((n) => [
    `access_key_${n}_active`,
    `access_key_${n}_last_rotated`,
    `access_key_${n}_last_used_date`,
    `access_key_${n}_last_used_region`,
    `access_key_${n}_last_used_service`,
  ]),
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
];
const NO_CERTIFICATES = ['false', 'N/A', 'false', 'N/A'];
const DAY_MS = 24 * 3600 * 1000;

/** The report's time format: ISO 8601 to the second with an explicit UTC offset. */
function time(ms: number): string {
  return isoSeconds(ms).replace('Z', '+00:00');
}

export function credentialReportCsv(iam: IamContext, account: string, accountCreatedAt: number): string {
  const devices = new MfaDevices(iam.db).listForAccount(account);
  const root = [
    '<root_account>',
    `arn:aws:iam::${account}:root`,
    time(accountCreatedAt),
    'not_supported',
    'no_information',
    'not_supported',
    'not_supported',
    String(devices.some((d) => d.assignedRoot)),
    ...keyColumns(iam, undefined),
    ...keyColumns(iam, undefined),
    ...NO_CERTIFICATES,
  ];
  const lines = [HEADER, root];
  for (const user of iam.users.list(account)) {
    lines.push(
      userLine(
        iam,
        iam.db,
        user,
        devices.some((d) => d.userId === user.id),
      ),
    );
  }
  return `${lines.map((l) => l.join(',')).join('\n')}\n`;
}

function userLine(iam: IamContext, db: Database, user: UserRecord, mfa: boolean): string[] {
  const profile = new LoginProfiles(db).find(user.id);
  const maxAge = new PasswordPolicies(db).find(user.account)?.MaxPasswordAge;
  const keys = iam.accessKeys.listForUser(user.id).sort((a, b) => a.createdAt - b.createdAt);
  return [
    user.name,
    user.arn,
    time(user.createdAt),
    String(profile !== undefined),
    profile ? 'no_information' : 'N/A',
    profile ? time(profile.changedAt) : 'N/A',
    profile && maxAge !== undefined ? time(profile.changedAt + maxAge * DAY_MS) : 'N/A',
    String(mfa),
    ...keyColumns(iam, keys[0]),
    ...keyColumns(iam, keys[1]),
    ...NO_CERTIFICATES,
  ];
}

function keyColumns(iam: IamContext, key: AccessKeyRecord | undefined): string[] {
  if (key === undefined) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const use = iam.accessKeys.lastUse(key.id);
  return [
    String(key.status === 'Active'),
    time(key.createdAt),
    use ? time(use.at) : 'N/A',
    use?.region ?? 'N/A',
    use?.service ?? 'N/A',
  ];
}
