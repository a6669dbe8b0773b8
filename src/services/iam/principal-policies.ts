// The caller's own policies as the authorizer needs them on every request: a user's inline and attached policies
// plus those of its groups, its boundary and tags; a role session's role policies, boundary and role tags merged
// under the session tags; a federated user's parent user. Results are cached per principal until the next IAM
// write, so the common case is one Map lookup and a removed policy stops applying on the very next request.
import type { CompiledPolicy } from '../../policy/index.js';
import type { Caller, PrincipalPolicies } from '../types.js';
import { parseEntityArn } from './arns.js';
import type { IamContext } from './iam-context.js';
import type { PolicyHolderType } from './repos/inline-policies.js';
import type { StoredRole } from './repos/roles.js';
import type { UserRecord } from './repos/users.js';

const NONE: PrincipalPolicies = Object.freeze({ identity: [], permissionsBoundary: undefined, tags: {} });

/** A boundary whose policy cannot be read allows nothing, rather than lifting the cap. */
const ALLOWS_NOTHING = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"*","Resource":"*"}]}';

export class PrincipalPolicyProvider {
  private readonly cache = new Map<string, PrincipalPolicies>();
  private generation: number;

  constructor(private readonly iam: IamContext) {
    this.generation = iam.generation;
  }

  policiesOf(caller: Caller): PrincipalPolicies {
    if (this.generation !== this.iam.generation) {
      this.cache.clear();
      this.generation = this.iam.generation;
    }
    switch (caller.kind) {
      case 'user':
        return this.forUserId(caller.principal.userId ?? caller.userId);
      case 'federated-user': {
        const parent = caller.principal.parentUserArn && parseEntityArn(caller.principal.parentUserArn);
        const user = parent ? this.iam.users.byName(parent.account, parent.name) : undefined;
        return user && user.arn === caller.principal.parentUserArn ? this.forUserId(user.id) : NONE;
      }
      case 'role-session':
        return this.forRoleSession(caller);
      default:
        return NONE;
    }
  }

  private forUserId(userId: string): PrincipalPolicies {
    const key = `user:${userId}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      const user = this.iam.users.byId(userId);
      found = user ? this.userPolicies(user) : NONE;
      this.cache.set(key, found);
    }
    return found;
  }

  private forRoleSession(caller: Caller): PrincipalPolicies {
    const roleArn = caller.principal.roleArn;
    if (roleArn === undefined) return NONE;
    const key = `role:${roleArn}:${caller.principal.roleId ?? ''}`;
    let base = this.cache.get(key);
    if (base === undefined) {
      const parsed = parseEntityArn(roleArn);
      const role = parsed && this.iam.roles.byName(parsed.account, parsed.name);
      // A session outlives neither its role nor a role re-created under the same name (a new unique id).
      const same = role && (caller.principal.roleId === undefined || caller.principal.roleId === role.id);
      base = role && same ? this.rolePolicies(role) : NONE;
      this.cache.set(key, base);
    }
    const sessionTags = caller.session?.tags ?? {};
    return Object.keys(sessionTags).length === 0 || base === NONE ? base : withSessionTags(base, sessionTags);
  }

  private userPolicies(user: UserRecord): PrincipalPolicies {
    const identity = this.holderPolicies('user', user.id, user.name);
    for (const group of this.iam.groups.groupsOf(user.id)) {
      identity.push(...this.holderPolicies('group', group.id, group.name));
    }
    return {
      identity,
      permissionsBoundary: this.boundary(user.permissionsBoundary),
      tags: this.iam.tags.record('user', user.id),
    };
  }

  private rolePolicies(role: StoredRole): PrincipalPolicies {
    return {
      identity: this.holderPolicies('role', role.id, role.name),
      permissionsBoundary: this.boundary(role.permissionsBoundary),
      tags: this.iam.tags.record('role', role.id),
    };
  }

  private holderPolicies(type: PolicyHolderType, id: string, name: string): CompiledPolicy[] {
    const { iam } = this;
    const out: CompiledPolicy[] = [];
    for (const inline of iam.inlinePolicies.list(type, id)) {
      const compiled = iam.compiler.compile('identity', `inline:${type}/${name}/${inline.name}`, inline.document);
      if (compiled) out.push(compiled);
    }
    for (const arn of iam.attachments.list(type, id)) {
      const found = iam.policies.defaultDocument(arn);
      const compiled = found && iam.compiler.compile('identity', arn, found.document);
      if (compiled) out.push(compiled);
    }
    return out;
  }

  private boundary(arn: string | undefined): CompiledPolicy | undefined {
    if (arn === undefined) return undefined;
    const document = this.iam.policies.defaultDocument(arn)?.document ?? ALLOWS_NOTHING;
    return (
      this.iam.compiler.compile('permissions-boundary', arn, document) ??
      this.iam.compiler.compile('permissions-boundary', arn, ALLOWS_NOTHING)
    );
  }
}

/** Session tags win over role tags with the same key, compared ignoring case (IAM UG, session tags). */
function withSessionTags(base: PrincipalPolicies, sessionTags: Readonly<Record<string, string>>): PrincipalPolicies {
  const overridden = new Set(Object.keys(sessionTags).map((k) => k.toLowerCase()));
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(base.tags)) if (!overridden.has(k.toLowerCase())) tags[k] = v;
  Object.assign(tags, sessionTags);
  return { ...base, tags };
}
