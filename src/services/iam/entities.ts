// Looks up the entities an IAM request names, answering AWS's errors when they do not exist or cannot be used.
import { AwsError } from '../../core/aws-error.js';
import type { CallContext } from '../types.js';
import { callerAccount } from './authorization.js';
import { entityNotFound, invalidInput, noSuchEntity, policyNotAttachable, policyNotFound } from './errors.js';
import type { IamContext } from './iam-context.js';
import type { GroupRecord } from './repos/groups.js';
import type { InstanceProfileRecord } from './repos/instance-profiles.js';
import { isAwsManagedArn, type ManagedPolicyView } from './repos/managed-policy-lookup.js';
import type { StoredRole } from './repos/roles.js';
import type { UserRecord } from './repos/users.js';

export function requireUser(iam: IamContext, account: string, name: string): UserRecord {
  const user = iam.users.byName(account, name);
  if (!user) throw entityNotFound('user', name);
  return user;
}

export function requireGroup(iam: IamContext, account: string, name: string): GroupRecord {
  const group = iam.groups.byName(account, name);
  if (!group) throw entityNotFound('group', name);
  return group;
}

export function requireRole(iam: IamContext, account: string, name: string): StoredRole {
  const role = iam.roles.byName(account, name);
  if (!role) throw entityNotFound('role', name);
  return role;
}

export function requireInstanceProfile(iam: IamContext, account: string, name: string): InstanceProfileRecord {
  const profile = iam.instanceProfiles.byName(account, name);
  if (!profile) throw entityNotFound('instance-profile', name);
  return profile;
}

/** The name a user-scoped operation acts on: `UserName`, or the calling user itself when it is omitted. */
export function targetUserName(call: CallContext, userName: unknown): string {
  if (typeof userName === 'string') return userName;
  const { caller } = call;
  if (caller.kind === 'user' && caller.userName !== undefined) return caller.userName;
  throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials', {
    status: 400,
  });
}

/** A managed policy the caller's account can see: its own customer policies and every AWS managed one. */
export function findPolicy(iam: IamContext, account: string, arn: string): ManagedPolicyView | undefined {
  const policy = iam.policies.find(arn);
  return policy && (policy.awsManaged || arnAccount(arn) === account) ? policy : undefined;
}

export function requirePolicy(iam: IamContext, account: string, arn: string): ManagedPolicyView {
  checkPolicyArn(arn);
  const policy = findPolicy(iam, account, arn);
  if (!policy) throw policyNotFound(arn);
  return policy;
}

/** A policy to attach: it must exist, and AWS keeps service-linked role policies for its own roles. */
export function requireAttachablePolicy(iam: IamContext, account: string, arn: string): ManagedPolicyView {
  checkPolicyArn(arn);
  const policy = findPolicy(iam, account, arn);
  if (!policy) throw policyNotAttachable(arn);
  if (policy.awsManaged && policy.path === '/aws-service-role/') {
    throw new AwsError('PolicyNotAttachable', 'Cannot attach a Service Role Policy to a Customer Role.', {
      status: 400,
    });
  }
  return policy;
}

/** The policy a permissions boundary names; it must be a managed policy the account can see. */
export function requireBoundaryPolicy(iam: IamContext, call: CallContext, arn: string): ManagedPolicyView {
  checkPolicyArn(arn);
  const policy = findPolicy(iam, callerAccount(call), arn);
  if (!policy) throw noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`);
  return policy;
}

function checkPolicyArn(arn: string): void {
  if (!/^arn:aws:iam::(\d{12}|aws):policy\//.test(arn)) throw invalidInput(`ARN ${arn} is not valid.`);
}

function arnAccount(arn: string): string | undefined {
  return isAwsManagedArn(arn) ? 'aws' : /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1];
}
