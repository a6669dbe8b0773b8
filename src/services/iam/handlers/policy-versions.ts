// iam:CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion and SetDefaultPolicyVersion.
// A customer policy keeps at most five versions; the default one cannot be deleted.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requirePolicy } from '../entities.js';
import { deleteConflict, limitExceeded, noSuchEntity, policyNotFound } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { encodeDocument, timestamp } from '../output.js';
import { indexKey, paginate } from '../pagination.js';
import { checkManagedPolicy } from '../policy-documents.js';
import type { StoredPolicy } from '../repos/managed-policies.js';

const VERSIONS_PER_POLICY = 5;

/** A customer managed policy of the caller's account; AWS managed policies cannot be changed. */
export function requireCustomerPolicy(iam: IamContext, account: string, arn: string): StoredPolicy {
  requirePolicy(iam, account, arn);
  const policy = iam.managedPolicies.byArn(arn);
  if (!policy) throw policyNotFound(arn);
  return policy;
}

function versionNotFound(arn: string, versionId: string) {
  return noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
}

function versionOutput(document: string, versionId: string, isDefault: boolean, createdAt: number): Shaped {
  return {
    Document: encodeDocument(document),
    VersionId: versionId,
    IsDefaultVersion: isDefault,
    CreateDate: timestamp(createdAt),
  };
}

export function createPolicyVersion(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const policy = requireCustomerPolicy(iam, callerAccount(call), input.PolicyArn as string);
  const document = input.PolicyDocument as string;
  checkManagedPolicy(document);
  if (iam.managedPolicies.versions(policy.id).length >= VERSIONS_PER_POLICY) {
    throw limitExceeded(
      `A managed policy can have up to ${VERSIONS_PER_POLICY} versions. Before you create a new version, you must delete an existing version.`,
    );
  }
  const setAsDefault = input.SetAsDefault === true;
  const versionId = iam.write(() => iam.managedPolicies.addVersion(policy, document, call.now, setAsDefault));
  return { PolicyVersion: versionOutput(document, versionId, setAsDefault, call.now) };
}

export function getPolicyVersion(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.PolicyArn as string;
  const versionId = input.VersionId as string;
  const policy = requirePolicy(iam, callerAccount(call), arn);
  const version = iam.policies.version(arn, versionId);
  if (!version) throw versionNotFound(arn, versionId);
  return {
    PolicyVersion: versionOutput(version.document, versionId, versionId === policy.defaultVersion, version.createdAt),
  };
}

export function listPolicyVersions(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.PolicyArn as string;
  const policy = requirePolicy(iam, callerAccount(call), arn);
  const page = paginate(iam.policies.versions(arn), input, `ListPolicyVersions:${arn}`, indexKey);
  return {
    Versions: page.items.map((v) => ({
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === policy.defaultVersion,
      CreateDate: timestamp(v.createdAt),
    })),
    ...page.meta,
  };
}

export function deletePolicyVersion(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.PolicyArn as string;
  const versionId = input.VersionId as string;
  const policy = requireCustomerPolicy(iam, callerAccount(call), arn);
  if (!iam.managedPolicies.version(policy.id, versionId)) throw versionNotFound(arn, versionId);
  if (versionId === policy.defaultVersion) throw deleteConflict('Cannot delete the default version of a policy.');
  iam.write(() => iam.managedPolicies.deleteVersion(policy.id, versionId));
  return {};
}

export function setDefaultPolicyVersion(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.PolicyArn as string;
  const versionId = input.VersionId as string;
  const policy = requireCustomerPolicy(iam, callerAccount(call), arn);
  if (!iam.managedPolicies.version(policy.id, versionId)) throw versionNotFound(arn, versionId);
  iam.write(() => iam.managedPolicies.setDefault(policy.id, versionId));
  return {};
}
