// Checks a TOTP code for other services (STS GetSessionToken and AssumeRole with SerialNumber/TokenCode): the device
// must be enabled for the caller, the code must be right for the current 30-second step or one step either side,
// and a step is accepted only once, so a code cannot be replayed.
import { parseArn } from '../../../core/arn.js';
import type { Database } from '../../../storage/db.js';
import { UserRepo } from '../repos/users.js';
import { isAssigned, type MfaDeviceRecord, MfaDevices } from './mfa-devices.js';
import { base32Decode, matchingStep, timeStep } from './totp.js';

export function verifyMfaCode(db: Database, userArn: string, serialNumber: string, code: string, now: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const devices = new MfaDevices(db);
  return db.transaction(() => {
    const device = devices.find(serialNumber);
    if (device === undefined || !isAssigned(device) || !belongsTo(db, device, userArn)) return false;
    const current = timeStep(now);
    const candidates = [current - 1, current, current + 1].filter(
      (s) => device.lastStep === undefined || s > device.lastStep,
    );
    const step = matchingStep(base32Decode(device.seed), code, candidates);
    return step !== undefined && devices.acceptStep(serialNumber, step);
  });
}

/** Whether the device is enabled for the user (by name, whatever path the ARN carries) or root named by `userArn`. */
function belongsTo(db: Database, device: MfaDeviceRecord, userArn: string): boolean {
  const arn = parseArn(userArn);
  if (arn === undefined || arn.service !== 'iam' || arn.account !== device.account) return false;
  if (arn.resource === 'root') return device.assignedRoot;
  if (!arn.resource.startsWith('user/') || device.userId === undefined) return false;
  const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
  return new UserRepo(db).byName(arn.account, name)?.id === device.userId;
}
