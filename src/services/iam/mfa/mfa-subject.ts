// Whose MFA devices an operation is about: the user it names, or the caller. AWS lets only the console assign a
// device to the root user; xacct has no console, so a root caller naming its own account id as UserName stands for
// the root user (unless an IAM user has that name).
import type { CallContext } from '../../types.js';
import { callerAccount, type IamResource, namedResource } from '../authorization.js';
import { targetUserName } from '../entities.js';
import { entityNotFound } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import type { UserRecord } from '../repos/users.js';
import { type MfaAssignee, type MfaDeviceRecord, MfaDevices } from './mfa-devices.js';
import { noSuchDevice } from './mfa-errors.js';

export interface MfaSubject {
  readonly assignee: MfaAssignee;
  /** The user, or undefined for the root user. */
  readonly user: UserRecord | undefined;
}

function namesRoot(call: CallContext, userName: unknown): boolean {
  return call.caller.kind === 'root' && (userName === undefined || userName === callerAccount(call));
}

/** The subject named by `userName`, or the caller when it is absent; throws NoSuchEntity for an unknown user. */
export function mfaSubject(iam: IamContext, call: CallContext, userName: unknown): MfaSubject {
  const account = callerAccount(call);
  const name = namesRoot(call, userName) ? account : targetUserName(call, userName);
  const user = iam.users.byName(account, name);
  if (user) return { assignee: { userId: user.id }, user };
  if (namesRoot(call, userName)) return { assignee: { root: true }, user: undefined };
  throw entityNotFound('user', name);
}

/** The resource an authorization names for the subject, without failing on an unknown user (that comes later). */
export function mfaSubjectResource(iam: IamContext, call: CallContext, userName: unknown): IamResource {
  const account = callerAccount(call);
  if (namesRoot(call, userName) && !iam.users.byName(account, account)) return { arn: `arn:aws:iam::${account}:root` };
  if (userName === undefined && call.caller.kind !== 'user') return { arn: call.caller.principal.arn };
  return namedResource(iam, call, 'user', targetUserName(call, userName));
}

/** The name MFA outputs give the subject: the user's, or the account id for the root user. */
export function subjectName(call: CallContext, subject: MfaSubject): string {
  return subject.user?.name ?? callerAccount(call);
}

/** A device of the caller's account; NoSuchEntity otherwise (other accounts' devices are not disclosed). */
export function ownDevice(iam: IamContext, call: CallContext, serialNumber: string): MfaDeviceRecord {
  const device = new MfaDevices(iam.db).find(serialNumber);
  if (device === undefined || device.account !== callerAccount(call)) throw noSuchDevice(serialNumber);
  return device;
}

/** A device as an authorization resource, with its tags for aws:ResourceTag. */
export function deviceResource(iam: IamContext, serialNumber: string): IamResource {
  return { arn: serialNumber, tags: iam.tags.record('mfa', serialNumber) };
}
