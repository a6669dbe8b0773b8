// Inline and attached managed policies of a user, group or role: the same reconciliation over three sets of
// IAM operations, each set behind one small adapter.
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  type IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  paginateListAttachedGroupPolicies,
  paginateListAttachedRolePolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListRolePolicies,
  paginateListUserPolicies,
} from '@aws-sdk/client-iam';
import { markUpdated, type ResourceChange } from './apply-log.js';
import { decodeDocument, documentText, sameDocument } from './policy-json.js';
import { collect, mutate, type ReconcileContext } from './reconcile-context.js';
import type { PolicyHolder } from './world-types.js';

export interface HolderApi {
  listInline(): Promise<string[]>;
  /** The document text as IAM returns it. */
  getInline(policyName: string): Promise<string | undefined>;
  putInline(policyName: string, document: string): Promise<unknown>;
  listAttached(): Promise<string[]>;
  attach(arn: string): Promise<unknown>;
}

export function userPolicies(iam: IAMClient, UserName: string): HolderApi {
  return {
    listInline: () => collect(paginateListUserPolicies({ client: iam }, { UserName }), (p) => p.PolicyNames),
    getInline: async (PolicyName) =>
      (await iam.send(new GetUserPolicyCommand({ UserName, PolicyName }))).PolicyDocument,
    putInline: (PolicyName, PolicyDocument) =>
      iam.send(new PutUserPolicyCommand({ UserName, PolicyName, PolicyDocument })),
    listAttached: () =>
      collect(paginateListAttachedUserPolicies({ client: iam }, { UserName }), (p) =>
        p.AttachedPolicies?.map((a) => a.PolicyArn!),
      ),
    attach: (PolicyArn) => iam.send(new AttachUserPolicyCommand({ UserName, PolicyArn })),
  };
}

export function groupPolicies(iam: IAMClient, GroupName: string): HolderApi {
  return {
    listInline: () => collect(paginateListGroupPolicies({ client: iam }, { GroupName }), (p) => p.PolicyNames),
    getInline: async (PolicyName) =>
      (await iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName }))).PolicyDocument,
    putInline: (PolicyName, PolicyDocument) =>
      iam.send(new PutGroupPolicyCommand({ GroupName, PolicyName, PolicyDocument })),
    listAttached: () =>
      collect(paginateListAttachedGroupPolicies({ client: iam }, { GroupName }), (p) =>
        p.AttachedPolicies?.map((a) => a.PolicyArn!),
      ),
    attach: (PolicyArn) => iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn })),
  };
}

export function rolePolicies(iam: IAMClient, RoleName: string): HolderApi {
  return {
    listInline: () => collect(paginateListRolePolicies({ client: iam }, { RoleName }), (p) => p.PolicyNames),
    getInline: async (PolicyName) =>
      (await iam.send(new GetRolePolicyCommand({ RoleName, PolicyName }))).PolicyDocument,
    putInline: (PolicyName, PolicyDocument) =>
      iam.send(new PutRolePolicyCommand({ RoleName, PolicyName, PolicyDocument })),
    listAttached: () =>
      collect(paginateListAttachedRolePolicies({ client: iam }, { RoleName }), (p) =>
        p.AttachedPolicies?.map((a) => a.PolicyArn!),
      ),
    attach: (PolicyArn) => iam.send(new AttachRolePolicyCommand({ RoleName, PolicyArn })),
  };
}

/**
 * Puts inline policies that are missing or differ and attaches missing managed policies. Policies the world does
 * not mention are left alone. `exists` false: the holder was just created (or would be, in a dry run).
 */
export async function syncHolderPolicies(
  ctx: ReconcileContext,
  change: ResourceChange,
  api: HolderApi,
  spec: PolicyHolder,
  exists: boolean,
): Promise<void> {
  const inline = exists ? new Set(await api.listInline()) : new Set<string>();
  for (const [name, document] of Object.entries(spec.inlinePolicies)) {
    if (inline.has(name) && sameDocument(document, decodeDocument(await api.getInline(name)))) continue;
    await mutate(ctx, () => api.putInline(name, documentText(document)));
    markUpdated(change, `inline policy ${name}${inline.has(name) ? ' updated' : ''}`);
  }
  const attached = exists ? new Set(await api.listAttached()) : new Set<string>();
  for (const arn of spec.managedPolicies) {
    if (attached.has(arn)) continue;
    await mutate(ctx, () => api.attach(arn));
    markUpdated(change, `attached ${arn}`);
  }
}
