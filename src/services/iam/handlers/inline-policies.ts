// iam:Put*Policy, Get*Policy, List*Policies and Delete*Policy for the inline policies of users, groups and roles.
// The size quota is an aggregate over all inline policies of the holder (IAM quotas).
import type { Shaped } from '../../../protocol/index.js';
import { limitExceeded, noSuchEntity } from '../errors.js';
import type { IamHandler } from '../operations/iam-operation.js';
import { encodeDocument } from '../output.js';
import { paginate } from '../pagination.js';
import { checkIdentityPolicy, INLINE_POLICY_SIZE, iamPolicySize } from '../policy-documents.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';
import { HOLDER_NAME_MEMBER, requireHolder } from './policy-holders.js';

export function putInlinePolicy(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const name = input.PolicyName as string;
    const document = input.PolicyDocument as string;
    checkIdentityPolicy(document);
    const others = iam.inlinePolicies.list(type, holder.id).filter((p) => p.name !== name);
    const total = others.reduce((sum, p) => sum + iamPolicySize(p.document), iamPolicySize(document));
    if (total > INLINE_POLICY_SIZE[type]) {
      throw limitExceeded(
        `Maximum policy size of ${INLINE_POLICY_SIZE[type]} bytes exceeded for ${type} ${holder.name}`,
      );
    }
    iam.write(() => iam.inlinePolicies.put(type, holder.id, name, document));
    return {};
  };
}

export function getInlinePolicy(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const name = input.PolicyName as string;
    const policy = iam.inlinePolicies.get(type, holder.id, name);
    if (!policy) throw inlineNotFound(type, name);
    const out: Shaped = { PolicyName: policy.name, PolicyDocument: encodeDocument(policy.document) };
    out[HOLDER_NAME_MEMBER[type]] = holder.name;
    return out;
  };
}

export function listInlinePolicies(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const names = iam.inlinePolicies.list(type, holder.id).map((p) => p.name);
    const page = paginate(names, input, `ListInline:${type}:${holder.id}`, (name) => name);
    return { PolicyNames: page.items, ...page.meta };
  };
}

export function deleteInlinePolicy(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const name = input.PolicyName as string;
    if (!iam.inlinePolicies.get(type, holder.id, name)) throw inlineNotFound(type, name);
    iam.write(() => iam.inlinePolicies.delete(type, holder.id, name));
    return {};
  };
}

function inlineNotFound(type: PolicyHolderType, name: string) {
  return noSuchEntity(`The ${type} policy with name ${name} cannot be found.`);
}
