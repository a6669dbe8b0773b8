// The virtual MFA devices table: a device is created unassigned, assigned to one IAM user (or, as an xacct
// extension, to the account's root user) when enabled, and remembers the last TOTP step it accepted.
import type { Database } from '../../../storage/db.js';

export interface MfaDeviceRecord {
  readonly serialNumber: string;
  readonly account: string;
  readonly name: string;
  readonly path: string;
  /** The base32 text of the TOTP secret. */
  readonly seed: string;
  readonly createdAt: number;
  /** The IAM user id (`AIDA...`) the device is enabled for. */
  readonly userId: string | undefined;
  readonly assignedRoot: boolean;
  readonly enabledAt: number | undefined;
  readonly lastStep: number | undefined;
}

/** Who a device is (to be) assigned to. */
export type MfaAssignee = { readonly userId: string } | { readonly root: true };

interface Row {
  serial_number: string;
  account: string;
  name: string;
  path: string;
  seed: string;
  created_at: number;
  user_id: string | null;
  assigned_root: number;
  enabled_at: number | null;
  last_step: number | null;
}

export function isAssigned(device: MfaDeviceRecord): boolean {
  return device.userId !== undefined || device.assignedRoot;
}

export function assignedTo(device: MfaDeviceRecord, assignee: MfaAssignee): boolean {
  return 'userId' in assignee ? device.userId === assignee.userId : device.assignedRoot;
}

export class MfaDevices {
  constructor(private readonly db: Database) {}

  /** False when a device of that name already exists in the account (names compare ignoring case). */
  create(device: { serialNumber: string; account: string; name: string; path: string; seed: string; now: number }) {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO iam_mfa_devices (serial_number, account, name, name_lower, path, seed, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        device.serialNumber,
        device.account,
        device.name,
        device.name.toLowerCase(),
        device.path,
        device.seed,
        device.now,
      );
    return result.changes === 1;
  }

  find(serialNumber: string): MfaDeviceRecord | undefined {
    const row = this.db
      .prepare<[string], Row>('SELECT * FROM iam_mfa_devices WHERE serial_number = ?')
      .get(serialNumber);
    return row ? toRecord(row) : undefined;
  }

  /** Every device of the account, ordered by serial number. */
  listForAccount(account: string): MfaDeviceRecord[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM iam_mfa_devices WHERE account = ? ORDER BY serial_number')
      .all(account)
      .map(toRecord);
  }

  listAssignedTo(account: string, assignee: MfaAssignee): MfaDeviceRecord[] {
    const rows =
      'userId' in assignee
        ? this.db
            .prepare<[string, string], Row>(
              'SELECT * FROM iam_mfa_devices WHERE account = ? AND user_id = ? ORDER BY serial_number',
            )
            .all(account, assignee.userId)
        : this.db
            .prepare<[string], Row>(
              'SELECT * FROM iam_mfa_devices WHERE account = ? AND assigned_root = 1 ORDER BY serial_number',
            )
            .all(account);
    return rows.map(toRecord);
  }

  /** Enables the device for the assignee, remembering the TOTP step of the second code as used. */
  assign(serialNumber: string, assignee: MfaAssignee, now: number, lastStep: number): void {
    this.db
      .prepare(
        `UPDATE iam_mfa_devices SET user_id = ?, assigned_root = ?, enabled_at = ?, last_step = ?
         WHERE serial_number = ?`,
      )
      .run('userId' in assignee ? assignee.userId : null, 'root' in assignee ? 1 : 0, now, lastStep, serialNumber);
  }

  unassign(serialNumber: string): void {
    this.db
      .prepare(
        `UPDATE iam_mfa_devices SET user_id = NULL, assigned_root = 0, enabled_at = NULL, last_step = NULL
         WHERE serial_number = ?`,
      )
      .run(serialNumber);
  }

  /** Records `step` as used if it is later than the last one; false when it is not (a replayed code). */
  acceptStep(serialNumber: string, step: number): boolean {
    const result = this.db
      .prepare(
        `UPDATE iam_mfa_devices SET last_step = ?
         WHERE serial_number = ? AND (last_step IS NULL OR last_step < ?)`,
      )
      .run(step, serialNumber, step);
    return result.changes === 1;
  }

  delete(serialNumber: string): void {
    this.db.prepare('DELETE FROM iam_mfa_devices WHERE serial_number = ?').run(serialNumber);
  }
}

function toRecord(row: Row): MfaDeviceRecord {
  return {
    serialNumber: row.serial_number,
    account: row.account,
    name: row.name,
    path: row.path,
    seed: row.seed,
    createdAt: row.created_at,
    userId: row.user_id ?? undefined,
    assignedRoot: row.assigned_root === 1,
    enabledAt: row.enabled_at ?? undefined,
    lastStep: row.last_step ?? undefined,
  };
}
