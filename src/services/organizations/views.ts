// Stored entities as the Organizations API returns them (Organization, Root, OrganizationalUnit, Account, Policy,
// Handshake, CreateAccountStatus), shaped like the model's output structures.
import type { Shaped } from '../../protocol/index.js';
import type { ManagedPolicy } from './managed-policies.js';
import { accountArn, customerPolicyArn, handshakeArn, organizationArn, ouArn, rootArn } from './org-ids.js';
import { pathTo } from './org-tree.js';
import type { OrgStore } from './store/org-store.js';
import type {
  CreateAccountRequestRecord,
  HandshakeRecord,
  MemberRecord,
  OrganizationRecord,
  PolicyRecord,
  UnitRecord,
} from './store/records.js';

export function organizationView(org: OrganizationRecord): Shaped {
  return {
    Id: org.id,
    Arn: organizationArn(org),
    FeatureSet: org.featureSet,
    MasterAccountArn: accountArn(org, org.managementAccount),
    MasterAccountId: org.managementAccount,
    MasterAccountEmail: org.managementEmail,
    // Deprecated in the API; AWS keeps answering with SCPs listed for an all-features organization.
    AvailablePolicyTypes: org.featureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
  };
}

export function rootView(store: OrgStore, org: OrganizationRecord): Shaped {
  return {
    Id: org.rootId,
    Arn: rootArn(org, org.rootId),
    Name: 'Root',
    PolicyTypes: store.organizations.enabledPolicyTypes(org.id).map((type) => ({ Type: type, Status: 'ENABLED' })),
  };
}

export function unitView(store: OrgStore, org: OrganizationRecord, unit: UnitRecord): Shaped {
  return { Id: unit.id, Arn: ouArn(org, unit.id), Name: unit.name, Path: pathTo(store, org, unit.id) };
}

export function accountView(store: OrgStore, org: OrganizationRecord, member: MemberRecord): Shaped {
  return {
    Id: member.id,
    Arn: accountArn(org, member.id),
    Email: member.email,
    Name: member.name,
    Status: 'ACTIVE',
    State: 'ACTIVE',
    Paths: [pathTo(store, org, member.parentId, member.id)],
    JoinedMethod: member.joinedMethod,
    JoinedTimestamp: member.joinedAt,
  };
}

export type AnyPolicy = { readonly managed: ManagedPolicy } | { readonly customer: PolicyRecord };

export function policySummary(org: OrganizationRecord, policy: AnyPolicy): Shaped {
  if ('managed' in policy) {
    const p = policy.managed;
    return { Id: p.id, Arn: p.arn, Name: p.name, Description: p.description, Type: p.type, AwsManaged: true };
  }
  const p = policy.customer;
  return {
    Id: p.id,
    Arn: customerPolicyArn(org, p.type, p.id),
    Name: p.name,
    Description: p.description,
    Type: p.type,
    AwsManaged: false,
  };
}

export function policyView(org: OrganizationRecord, policy: AnyPolicy): Shaped {
  const content = 'managed' in policy ? policy.managed.content : policy.customer.content;
  return { PolicySummary: policySummary(org, policy), Content: content };
}

/** An OPEN handshake past its expiration reads as EXPIRED. */
export function handshakeState(handshake: HandshakeRecord, now: number): HandshakeRecord['state'] {
  return handshake.state === 'OPEN' && now > handshake.expiresAt ? 'EXPIRED' : handshake.state;
}

export function handshakeView(
  store: OrgStore,
  org: OrganizationRecord,
  handshake: HandshakeRecord,
  now: number,
): Shaped {
  const organizationResources: Shaped[] = [
    { Type: 'MASTER_EMAIL', Value: org.managementEmail },
    { Type: 'MASTER_NAME', Value: store.members.byId(org.managementAccount)?.name ?? org.managementAccount },
    { Type: 'ORGANIZATION_FEATURE_SET', Value: org.featureSet === 'ALL' ? 'FULL' : 'CONSOLIDATED_BILLING' },
  ];
  const resources: Shaped[] = [
    { Type: 'ORGANIZATION', Value: org.id, Resources: organizationResources },
    { Type: handshake.targetType, Value: handshake.targetId },
  ];
  if (handshake.notes !== null) resources.push({ Type: 'NOTES', Value: handshake.notes });
  return {
    Id: handshake.id,
    Arn: handshakeArn(org, handshake.id),
    Parties: [
      { Id: org.id, Type: 'ORGANIZATION' },
      { Id: handshake.targetId, Type: handshake.targetType },
    ],
    State: handshakeState(handshake, now),
    RequestedTimestamp: handshake.requestedAt,
    ExpirationTimestamp: handshake.expiresAt,
    Action: handshake.action,
    Resources: resources,
  };
}

/**
 * What CreateAccount itself answers: AWS creates accounts asynchronously, so the request is IN_PROGRESS when the
 * call returns, and its outcome (the account id, or the failure) is read with DescribeCreateAccountStatus.
 */
export function createAccountRequestedView(request: CreateAccountRequestRecord): Shaped {
  return {
    Id: request.id,
    AccountName: request.accountName,
    State: 'IN_PROGRESS',
    RequestedTimestamp: request.requestedAt,
  };
}

export function createAccountStatusView(request: CreateAccountRequestRecord): Shaped {
  return {
    Id: request.id,
    AccountName: request.accountName,
    State: request.state,
    RequestedTimestamp: request.requestedAt,
    CompletedTimestamp: request.completedAt ?? undefined,
    AccountId: request.accountId ?? undefined,
    FailureReason: request.failureReason ?? undefined,
  };
}
