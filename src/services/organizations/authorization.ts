// What an Organizations request is authorized for: `organizations:<Action>` on the ARN of each root, OU, account,
// policy or handshake it names (`*` when it names none, or when the caller's account has no organization to form
// the ARN in), with `organizations:PolicyType`, `aws:ResourceTag/*`, `aws:RequestTag/*` and `aws:TagKeys`.
// Organizations resources have no resource policies, so the caller's own account decides: the resource account
// is the caller's.
import type { ContextScalar } from '../../policy/index.js';
import type { Shaped } from '../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation } from '../types.js';
import { managedPolicy } from './managed-policies.js';
import { callerMembership, type OrgEnv } from './org-env.js';
import { accountArn, customerPolicyArn, handshakeArn, kindOfId, ouArn, rootArn } from './org-ids.js';
import { findNode } from './org-tree.js';
import type { OrganizationRecord } from './store/records.js';

export interface AuthorizationSpec {
  /** The ids of the roots, OUs, accounts, policies and handshakes the request acts on. */
  readonly resources?: (input: Shaped) => readonly unknown[];
  /** The policy type the request is about when no policy id says it (CreatePolicy, ListPolicies...). */
  readonly policyType?: (input: Shaped) => unknown;
  /** `request`: the input's Tags become `aws:RequestTag/*` and `aws:TagKeys`; `keys`: its TagKeys do. */
  readonly tags?: 'request' | 'keys';
}

interface ResolvedResource {
  readonly arn: string;
  readonly policyType: string | undefined;
  readonly tags: readonly { key: string; value: string }[];
}

const UNRESOLVED: ResolvedResource = { arn: '*', policyType: undefined, tags: [] };

export function authorizationFor(
  action: string,
  spec: AuthorizationSpec,
  env: OrgEnv,
): NonNullable<ServiceOperation['authorization']> {
  return (input, call) => {
    const org = callerMembership(env, call)?.org;
    const ids = (spec.resources?.(input) ?? []).filter((id): id is string => typeof id === 'string');
    const resources = ids.length === 0 ? [UNRESOLVED] : ids.map((id) => resolve(env, org, id));
    const declared = spec.policyType?.(input);
    const policyType =
      typeof declared === 'string' ? declared : resources.find((r) => r.policyType !== undefined)?.policyType;
    const shared = sharedContext(input, spec, policyType);
    return resources.map((resource) => target(`organizations:${action}`, resource, shared, call));
  };
}

function target(
  action: string,
  resource: ResolvedResource,
  shared: Record<string, ContextScalar | readonly ContextScalar[]>,
  call: CallContext,
): AuthorizationTarget {
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = { ...shared };
  for (const tag of resource.tags) context[`aws:ResourceTag/${tag.key}`] = tag.value;
  return { action, resource: resource.arn, resourceAccount: call.caller.account, context };
}

function sharedContext(
  input: Shaped,
  spec: AuthorizationSpec,
  policyType: string | undefined,
): Record<string, ContextScalar | readonly ContextScalar[]> {
  const context: Record<string, ContextScalar | readonly ContextScalar[]> = {};
  if (policyType !== undefined) context['organizations:PolicyType'] = policyType;
  if (spec.tags === 'request' && Array.isArray(input.Tags)) {
    const tags = input.Tags as readonly { Key: string; Value: string }[];
    for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
    if (tags.length > 0) context['aws:TagKeys'] = tags.map((t) => t.Key);
  }
  if (spec.tags === 'keys' && Array.isArray(input.TagKeys)) context['aws:TagKeys'] = input.TagKeys as string[];
  return context;
}

function resolve(env: OrgEnv, org: OrganizationRecord | undefined, id: string): ResolvedResource {
  const kind = kindOfId(id);
  if (kind === undefined) return UNRESOLVED;
  if (kind === 'handshake') {
    const handshake = env.store.handshakes.byId(id);
    const owner = handshake === undefined ? undefined : env.store.organizations.byId(handshake.organizationId);
    return owner === undefined ? UNRESOLVED : { arn: handshakeArn(owner, id), policyType: undefined, tags: [] };
  }
  if (org === undefined) return UNRESOLVED;
  if (kind === 'policy') return resolvePolicy(env, org, id);
  // The ARN follows from the id alone, so a request naming an entity that does not exist is authorized on its ARN.
  const arn = kind === 'root' ? rootArn(org, id) : kind === 'ou' ? ouArn(org, id) : accountArn(org, id);
  const tags = findNode(env.store, org, id) === undefined ? [] : env.store.tags.of(org.id, id);
  return { arn, policyType: undefined, tags };
}

function resolvePolicy(env: OrgEnv, org: OrganizationRecord, id: string): ResolvedResource {
  const managed = managedPolicy(id);
  if (managed !== undefined) return { arn: managed.arn, policyType: managed.type, tags: [] };
  const policy = env.store.policies.byId(id);
  if (policy?.organizationId !== org.id) return UNRESOLVED;
  return {
    arn: customerPolicyArn(org, policy.type, id),
    policyType: policy.type,
    tags: env.store.tags.of(org.id, id),
  };
}
