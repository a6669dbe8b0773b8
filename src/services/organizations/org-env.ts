// What every Organizations handler works with, and the checks most of them start with: is the caller's account in
// an organization, is it the management account, does the organization have all features.
import type { Shaped } from '../../protocol/index.js';
import type { Accounts } from '../accounts/accounts.js';
import type { CallContext, ServiceDeps } from '../types.js';
import { accessDenied, constraintViolation, notInUse } from './org-errors.js';
import type { OrgStore } from './store/org-store.js';
import type { MemberRecord, OrganizationRecord } from './store/records.js';

export interface OrgEnv {
  readonly store: OrgStore;
  readonly accounts: Accounts;
  readonly deps: ServiceDeps;
}

export interface CallerMembership {
  readonly org: OrganizationRecord;
  readonly member: MemberRecord;
}

/** The organization of the caller's account, if it belongs to one. */
export function callerMembership(env: OrgEnv, call: CallContext): CallerMembership | undefined {
  const account = call.caller.account;
  const member = account === undefined ? undefined : env.store.members.byId(account);
  const org = member === undefined ? undefined : env.store.organizations.byId(member.organizationId);
  return org === undefined || member === undefined ? undefined : { org, member };
}

export function requireMembership(env: OrgEnv, call: CallContext): CallerMembership {
  const membership = callerMembership(env, call);
  if (membership === undefined) throw notInUse();
  return membership;
}

/** Management operations: only principals of the management account may call them. */
export function requireManagement(env: OrgEnv, call: CallContext): OrganizationRecord {
  const { org } = requireMembership(env, call);
  if (org.managementAccount !== call.caller.account) throw accessDenied();
  return org;
}

/** Policies need an organization with all features; consolidated billing alone has none. */
export function requireAllFeatures(org: OrganizationRecord): void {
  if (org.featureSet !== 'ALL') throw constraintViolation('ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
}

/** An email the organization can show for an account that did not give one (the management and invited ones). */
export function placeholderEmail(account: string): string {
  return `${account}@example.com`;
}

/** An account's display name: its alias when it has one, else its id. */
export function accountName(env: OrgEnv, account: string): string {
  return env.accounts.find(account)?.alias ?? account;
}

/** One operation's handler, given the Organizations state besides the call. */
export type OrgHandler = (input: Shaped, call: CallContext, env: OrgEnv) => Shaped;
