// One view over every managed policy an ARN can name: customer managed ones of any account and AWS managed ones.
import { type AwsManagedPolicies, awsManagedPolicies } from '../aws-managed/aws-managed-policies.js';
import type { ManagedPolicyRepo, PolicyVersionRecord } from './managed-policies.js';

export interface ManagedPolicyView {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly description: string | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly defaultVersion: string;
  /** True for `arn:aws:iam::aws:policy/...`. */
  readonly awsManaged: boolean;
}

/** Finds managed policies and their documents by ARN; AWS managed data is loaded on first use only. */
export class ManagedPolicyLookup {
  constructor(
    private readonly customer: ManagedPolicyRepo,
    private readonly aws: () => AwsManagedPolicies = awsManagedPolicies,
  ) {}

  find(arn: string): ManagedPolicyView | undefined {
    if (isAwsManagedArn(arn)) {
      const policy = this.aws().byArn(arn);
      return policy && { ...policy, description: undefined, awsManaged: true };
    }
    const policy = this.customer.byArn(arn);
    return policy && { ...policy, awsManaged: false };
  }

  /** One version of the policy; undefined when the policy or the version does not exist. */
  version(arn: string, versionId: string): PolicyVersionRecord | undefined {
    if (isAwsManagedArn(arn)) return this.aws().version(arn, versionId);
    const policy = this.customer.byArn(arn);
    return policy && this.customer.version(policy.id, versionId);
  }

  /** Every version, newest first. */
  versions(arn: string): readonly PolicyVersionRecord[] {
    if (isAwsManagedArn(arn)) return this.aws().versions(arn);
    const policy = this.customer.byArn(arn);
    return policy ? this.customer.versions(policy.id) : [];
  }

  /** The document of the policy's default version (what attaching the policy grants). */
  defaultDocument(arn: string): { readonly policy: ManagedPolicyView; readonly document: string } | undefined {
    const policy = this.find(arn);
    const version = policy && this.version(arn, policy.defaultVersion);
    return policy && version ? { policy, document: version.document } : undefined;
  }

  /** AWS managed policies, ordered by name (the whole catalog is indexed on the first call). */
  listAws(): ManagedPolicyView[] {
    return this.aws()
      .list()
      .map((policy) => ({ ...policy, description: undefined, awsManaged: true }));
  }
}

export function isAwsManagedArn(arn: string): boolean {
  return arn.startsWith('arn:aws:iam::aws:policy/');
}
