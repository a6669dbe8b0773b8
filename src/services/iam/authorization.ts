// How IAM operations become engine targets: the entity's ARN in the caller's account, the condition keys AWS
// supplies for IAM (resource tags, request tags, iam:PermissionsBoundary, iam:PolicyARN), and the denial message
// IAM words its own way (`on resource: user alice`, `policy arn:...`).
import { AwsError } from '../../core/aws-error.js';
import type { ContextInput, ContextScalar } from '../../policy/index.js';
import type { AuthorizationTarget, CallContext } from '../types.js';
import { entityArn, type IamResourceType } from './arns.js';
import type { IamContext } from './iam-context.js';
import { isAwsManagedArn } from './repos/managed-policy-lookup.js';

/** The resource of one authorization, as the engine and the denial message see it. */
export interface IamResource {
  readonly arn: string;
  /** How AWS names the resource in an access-denied message; the ARN when absent. */
  readonly display?: string;
  /** `aws:ResourceTag/*` (and `iam:ResourceTag/*` for users and roles) come from these. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The entity's current permissions boundary (`iam:PermissionsBoundary` on operations that do not set one). */
  readonly boundary?: string | undefined;
  readonly iamResourceTags?: boolean;
}

export function callerAccount(call: CallContext): string {
  const account = call.caller.account;
  if (account === undefined) throw new Error('IAM operations are never anonymous');
  return account;
}

export function iamTarget(
  call: CallContext,
  action: string,
  resource: IamResource,
  context: ContextInput = {},
): AuthorizationTarget {
  const keys: Record<string, ContextScalar | readonly ContextScalar[]> = {};
  for (const [k, v] of Object.entries(resource.tags ?? {})) {
    keys[`aws:ResourceTag/${k}`] = v;
    if (resource.iamResourceTags) keys[`iam:ResourceTag/${k}`] = v;
  }
  if (resource.boundary !== undefined) keys['iam:PermissionsBoundary'] = resource.boundary;
  const display = resource.display;
  return {
    action: `iam:${action}`,
    resource: resource.arn,
    resourceAccount: isAwsManagedArn(resource.arn) ? callerAccount(call) : accountOf(resource.arn, call),
    context: { ...keys, ...context },
    deniedError:
      display === undefined
        ? undefined
        : (decision) =>
            new AwsError(
              'AccessDenied',
              decision.message.replace(` on resource: ${resource.arn}`, ` on resource: ${display}`),
              { status: 403 },
            ),
  };
}

function accountOf(arn: string, call: CallContext): string {
  return /^arn:aws:iam::(\d{12}):/.exec(arn)?.[1] ?? callerAccount(call);
}

/** `aws:RequestTag/k` and `aws:TagKeys` for operations that add tags. */
export function requestTagKeys(tags: readonly { Key: string; Value: string }[] | undefined): ContextInput {
  if (tags === undefined || tags.length === 0) return {};
  const keys: Record<string, ContextScalar | readonly ContextScalar[]> = { 'aws:TagKeys': tags.map((t) => t.Key) };
  for (const tag of tags) keys[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return keys;
}

/** The tag keys of Tag* (`aws:RequestTag/k`, `aws:TagKeys`) and Untag* (`aws:TagKeys`) requests; empty otherwise. */
export function tagContext(input: { readonly Tags?: unknown; readonly TagKeys?: unknown }): ContextInput {
  if (Array.isArray(input.TagKeys)) return { 'aws:TagKeys': input.TagKeys as string[] };
  return requestTagKeys(Array.isArray(input.Tags) ? (input.Tags as { Key: string; Value: string }[]) : undefined);
}

/** Resources of list operations that name no entity: `arn:aws:iam::ACCOUNT:user/` and the like. */
export function listResource(call: CallContext, type: IamResourceType): IamResource {
  return { arn: `arn:aws:iam::${callerAccount(call)}:${type}/` };
}

/** A user, group, role or instance profile by name, as it exists or as its ARN would read if it did not. */
export function namedResource(
  iam: IamContext,
  call: CallContext,
  type: 'user' | 'group' | 'role' | 'instance-profile',
  name: string,
): IamResource {
  const account = callerAccount(call);
  const display = `${type === 'instance-profile' ? 'instance profile' : type} ${name}`;
  switch (type) {
    case 'user': {
      const user = iam.users.byName(account, name);
      if (!user) return { arn: entityArn(account, type, '/', name), display };
      const tags = iam.tags.record('user', user.id);
      return { arn: user.arn, display, tags, boundary: user.permissionsBoundary, iamResourceTags: true };
    }
    case 'role': {
      const role = iam.roles.byName(account, name);
      if (!role) return { arn: entityArn(account, type, '/', name), display };
      const tags = iam.tags.record('role', role.id);
      return { arn: role.arn, display, tags, boundary: role.permissionsBoundary, iamResourceTags: true };
    }
    case 'group':
      return { arn: iam.groups.byName(account, name)?.arn ?? entityArn(account, type, '/', name), display };
    case 'instance-profile': {
      const profile = iam.instanceProfiles.byName(account, name);
      if (!profile) return { arn: entityArn(account, type, '/', name), display };
      return { arn: profile.arn, display, tags: iam.tags.record('instance-profile', profile.id) };
    }
  }
}

/** A managed policy by ARN; customer policies carry their tags. */
export function policyResource(iam: IamContext, arn: string): IamResource {
  const policy = isAwsManagedArn(arn) ? undefined : iam.managedPolicies.byArn(arn);
  return { arn, display: `policy ${arn}`, tags: policy ? iam.tags.record('policy', policy.id) : undefined };
}
