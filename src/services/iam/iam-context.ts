// What every IAM area shares: the repositories over IAM's tables, the managed policy lookup, the policy compiler
// and the one way to write. Every IAM write goes through `write`, which bumps `generation` so that cached principal
// policies and credentials are dropped and a change takes effect on the very next request.
import type { Clock } from '../../core/clock.js';
import type { Database } from '../../storage/db.js';
import { AccessKeyUsage } from './access-key-usage.js';
import { PolicyCompiler } from './policy-compiler.js';
import { AccessKeyRepo } from './repos/access-keys.js';
import { AttachmentRepo } from './repos/attachments.js';
import { GroupRepo } from './repos/groups.js';
import { InlinePolicyRepo } from './repos/inline-policies.js';
import { InstanceProfileRepo } from './repos/instance-profiles.js';
import { ManagedPolicyRepo } from './repos/managed-policies.js';
import { ManagedPolicyLookup } from './repos/managed-policy-lookup.js';
import { RoleRepo } from './repos/roles.js';
import { TagRepo } from './repos/tags.js';
import type { UserRecord } from './repos/users.js';
import { UserRepo } from './repos/users.js';

/** Says why a user cannot be deleted yet (a DeleteConflict message), or undefined when nothing of its area holds it. */
export type UserDeletionCheck = (user: UserRecord) => string | undefined;

export class IamContext {
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly roles: RoleRepo;
  readonly instanceProfiles: InstanceProfileRepo;
  readonly managedPolicies: ManagedPolicyRepo;
  /** Customer and AWS managed policies by ARN. */
  readonly policies: ManagedPolicyLookup;
  readonly attachments: AttachmentRepo;
  readonly inlinePolicies: InlinePolicyRepo;
  readonly tags: TagRepo;
  readonly accessKeys: AccessKeyRepo;
  readonly keyUsage: AccessKeyUsage;
  readonly compiler = new PolicyCompiler();
  private readonly deletionChecks: UserDeletionCheck[] = [];
  private writes = 0;

  constructor(
    readonly db: Database,
    readonly clock: Clock,
  ) {
    this.users = new UserRepo(db);
    this.groups = new GroupRepo(db);
    this.roles = new RoleRepo(db);
    this.instanceProfiles = new InstanceProfileRepo(db);
    this.managedPolicies = new ManagedPolicyRepo(db);
    this.policies = new ManagedPolicyLookup(this.managedPolicies);
    this.attachments = new AttachmentRepo(db);
    this.inlinePolicies = new InlinePolicyRepo(db);
    this.tags = new TagRepo(db);
    this.accessKeys = new AccessKeyRepo(db);
    this.keyUsage = new AccessKeyUsage(this.accessKeys);
  }

  /** Changes with every committed IAM write; caches compare it to know they are stale. */
  get generation(): number {
    return this.writes;
  }

  /** Runs `fn` in one transaction; when it commits, every cache derived from IAM state is invalidated. */
  write<T>(fn: () => T): T {
    const result = this.db.transaction(fn);
    this.writes += 1;
    return result;
  }

  /** Other IAM areas (MFA devices, login profiles) register what must be removed before DeleteUser succeeds. */
  addUserDeletionCheck(check: UserDeletionCheck): void {
    this.deletionChecks.push(check);
  }

  userDeletionConflict(user: UserRecord): string | undefined {
    for (const check of this.deletionChecks) {
      const conflict = check(user);
      if (conflict !== undefined) return conflict;
    }
    return undefined;
  }
}
