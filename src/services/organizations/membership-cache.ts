// The answer the pipeline asks for on every request: an account's organization, its path, and its SCP and RCP
// chains, compiled. Answers are built once and kept until the store's generation moves (any Organizations write),
// so the common case is one Map lookup. Compiled policies survive across generations while their text is unchanged.
import { type CompiledPolicy, compilePolicy } from '../../policy/index.js';
import type { OrganizationMembership } from '../types.js';
import { FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS } from './managed-policies.js';
import { customerPolicyArn } from './org-ids.js';
import { chainTo } from './org-tree.js';
import type { OrgStore } from './store/org-store.js';
import type { OrganizationRecord } from './store/records.js';

const SCP = FULL_AWS_ACCESS.type;
const RCP = RCP_FULL_AWS_ACCESS.type;

interface CompiledEntry {
  readonly content: string;
  readonly policy: CompiledPolicy | undefined;
}

export class MembershipCache {
  private generation = -1;
  private readonly memberships = new Map<string, OrganizationMembership | null>();
  private readonly compiled = new Map<string, CompiledEntry>();
  private readonly fullAwsAccess: CompiledPolicy;

  constructor(private readonly store: OrgStore) {
    const { policy } = compilePolicy(FULL_AWS_ACCESS.content, 'scp', FULL_AWS_ACCESS.arn);
    if (policy === undefined) throw new Error('FullAWSAccess does not compile as an SCP');
    this.fullAwsAccess = policy;
  }

  membership(account: string): OrganizationMembership | undefined {
    if (this.generation !== this.store.generation) {
      this.memberships.clear();
      this.generation = this.store.generation;
    }
    let membership = this.memberships.get(account);
    if (membership === undefined) {
      membership = this.build(account) ?? null;
      this.memberships.set(account, membership);
    }
    return membership ?? undefined;
  }

  private build(account: string): OrganizationMembership | undefined {
    const member = this.store.members.byId(account);
    const org = member === undefined ? undefined : this.store.organizations.byId(member.organizationId);
    if (member === undefined || org === undefined) return undefined;
    const chain = chainTo(this.store, member.parentId);
    const levels = [...chain, account];
    const enabled = this.store.organizations.enabledPolicyTypes(org.id);
    return {
      organizationId: org.id,
      managementAccount: org.managementAccount,
      path: `${org.id}/${chain.join('/')}/`,
      scp: enabled.includes(SCP) ? levels.map((target) => this.levelPolicies(org, target, SCP)) : undefined,
      // RCPFullAWSAccess is implied at every level by the engine; only customer RCPs are passed.
      rcp: enabled.includes(RCP) ? levels.map((target) => this.levelPolicies(org, target, RCP)) : undefined,
    };
  }

  private levelPolicies(org: OrganizationRecord, target: string, type: string): CompiledPolicy[] {
    const out: CompiledPolicy[] = [];
    for (const attachment of this.store.policies.attachedTo(org.id, target, type)) {
      if (attachment.policyId === FULL_AWS_ACCESS.id) out.push(this.fullAwsAccess);
      else if (attachment.policyId !== RCP_FULL_AWS_ACCESS.id) {
        const policy = this.customerPolicy(org, attachment.policyId, type);
        if (policy !== undefined) out.push(policy);
      }
    }
    return out;
  }

  private customerPolicy(org: OrganizationRecord, id: string, type: string): CompiledPolicy | undefined {
    const record = this.store.policies.byId(id);
    if (record === undefined) return undefined;
    const cached = this.compiled.get(id);
    if (cached?.content === record.content) return cached.policy;
    const kind = type === SCP ? 'scp' : 'rcp';
    const { policy } = compilePolicy(record.content, kind, customerPolicyArn(org, type, id));
    this.compiled.set(id, { content: record.content, policy });
    return policy;
  }
}
