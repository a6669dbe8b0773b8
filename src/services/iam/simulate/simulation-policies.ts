// The policies a simulation evaluates, each with the name, type and text the simulator reports matched statements
// by: the request's input lists (PolicyInputList.1, ...) and, for SimulatePrincipalPolicy, the principal's own
// inline and managed policies (those of its groups too) and its permissions boundary.
import { type CompiledPolicy, compilePolicy, type PolicyKind } from '../../../policy/index.js';
import { invalidInput } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';

export type SourcePolicyType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

export interface SourcedPolicy {
  readonly id: string;
  readonly type: SourcePolicyType;
  readonly text: string;
  readonly compiled: CompiledPolicy;
}

/** Compiles one policy of the request; a document the engine rejects is the request's InvalidInput. */
export function sourced(id: string, type: SourcePolicyType, text: string, kind: PolicyKind): SourcedPolicy {
  const { policy, diagnostics } = compilePolicy(text, kind, id, { sizeLimit: false });
  if (policy === undefined) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw invalidInput(`${id} is not a valid policy: ${errors.join(' ')}`);
  }
  return { id, type, text, compiled: policy };
}

/** `PolicyInputList.1`, `PolicyInputList.2`, ... as the simulator names the request's own policies. */
export function inputPolicies(list: unknown, member: string, kind: PolicyKind): SourcedPolicy[] {
  const texts = Array.isArray(list) ? (list as string[]) : [];
  return texts.map((text, i) => sourced(`${member}.${i + 1}`, 'none', text, kind));
}

/** The inline and attached managed policies of a user, group or role (stored documents always compile). */
export function holderPolicies(iam: IamContext, type: PolicyHolderType, holderId: string): SourcedPolicy[] {
  const out: SourcedPolicy[] = [];
  for (const inline of iam.inlinePolicies.list(type, holderId)) {
    out.push(sourced(inline.name, type, inline.document, 'identity'));
  }
  for (const arn of iam.attachments.list(type, holderId)) {
    const managed = managedPolicy(iam, arn, 'identity');
    if (managed) out.push(managed);
  }
  return out;
}

/** A managed policy's default version, named by the policy's name. */
export function managedPolicy(iam: IamContext, arn: string, kind: PolicyKind): SourcedPolicy | undefined {
  const found = iam.policies.defaultDocument(arn);
  if (found === undefined) return undefined;
  return sourced(found.policy.name, found.policy.awsManaged ? 'aws-managed' : 'user-managed', found.document, kind);
}
